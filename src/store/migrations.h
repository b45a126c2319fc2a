// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "core/error.h"

namespace Tidings {

class Database;

// Brings the schema to the latest version, one numbered migration per transaction. A
// migration is never edited once released: changes are new migrations.
Error migrate(Database &db);
int latestSchemaVersion();

} // namespace Tidings
