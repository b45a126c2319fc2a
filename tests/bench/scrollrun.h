// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

class QAbstractItemModel;

namespace TidingsBench {

// Page-by-page scrolling through a message list in a real QTreeView (offscreen), each step
// painted synchronously: what a user scrolling with Page Down or the wheel waits for.
struct ScrollRun
{
    int rows = 0;
    int pages = 0;
    double medianMs = 0;
    double p99Ms = 0;
    double maxMs = 0;
    double expandAllMs = 0; // every thread opened: all messages become rows
    int expandedRows = 0;
    double expandedMedianMs = 0;
    double expandedMaxMs = 0;
};

ScrollRun scrollThrough(QAbstractItemModel *model);

// One frame at 60 Hz: a step that paints within it scrolls without a visible stall.
constexpr double FrameBudgetMs = 1000.0 / 60.0;

} // namespace TidingsBench
