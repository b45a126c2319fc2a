// SPDX-License-Identifier: GPL-3.0-or-later
#include "scrollrun.h"

#include <QElapsedTimer>
#include <QHeaderView>
#include <QScrollBar>
#include <QTreeView>
#include <algorithm>

namespace TidingsBench {

namespace {
// The main window's list pane at its default size.
constexpr int ViewWidth = 940;
constexpr int ViewHeight = 600;
// Enough pages for stable percentiles without turning the bench into a scroll marathon.
constexpr int MaxPages = 2000;

struct Steps
{
    double median = 0;
    double p99 = 0;
    double max = 0;
    int pages = 0;
};

int countRows(const QAbstractItemModel *model, const QModelIndex &parent)
{
    int rows = model->rowCount(parent);
    for (int r = 0, n = rows; r < n; ++r)
        rows += countRows(model, model->index(r, 0, parent));
    return rows;
}

Steps pageThrough(QTreeView &view)
{
    QScrollBar *bar = view.verticalScrollBar();
    QList<double> ms;
    QElapsedTimer step;
    bar->setValue(0);
    (void)view.viewport()->grab();
    const int stride = std::max(bar->pageStep(), (bar->maximum() + MaxPages - 1) / MaxPages);
    for (int value = stride; value <= bar->maximum() + stride - 1; value += stride) {
        step.start();
        bar->setValue(std::min(value, bar->maximum()));
        // grab() paints the rows for certain; an offscreen repaint() may skip them.
        (void)view.viewport()->grab();
        ms.append(double(step.nsecsElapsed()) / 1e6);
    }
    Steps s;
    if (ms.isEmpty())
        return s;
    std::sort(ms.begin(), ms.end());
    s.pages = int(ms.size());
    s.median = ms.at(ms.size() / 2);
    s.p99 = ms.at(std::min(ms.size() - 1, ms.size() * 99 / 100));
    s.max = ms.constLast();
    return s;
}
} // namespace

ScrollRun scrollThrough(QAbstractItemModel *model)
{
    QTreeView view;
    view.setModel(model);
    view.setUniformRowHeights(true);
    view.setAlternatingRowColors(true);
    view.header()->setStretchLastSection(false);
    view.header()->setSectionResizeMode(1, QHeaderView::Stretch);
    view.resize(ViewWidth, ViewHeight);
    view.show();
    ScrollRun run;
    run.rows = model->rowCount();
    const Steps collapsed = pageThrough(view);
    run.pages = collapsed.pages;
    run.medianMs = collapsed.median;
    run.p99Ms = collapsed.p99;
    run.maxMs = collapsed.max;
    QElapsedTimer expand;
    expand.start();
    view.expandAll();
    (void)view.viewport()->grab();
    run.expandAllMs = double(expand.nsecsElapsed()) / 1e6;
    run.expandedRows = countRows(model, {});
    const Steps expanded = pageThrough(view);
    run.expandedMedianMs = expanded.median;
    run.expandedMaxMs = expanded.max;
    return run;
}

} // namespace TidingsBench
