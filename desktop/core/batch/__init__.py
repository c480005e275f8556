"""Portfolio precheck: read many records (folders, sheets, registrar exports), check them all,
find what only shows across records, and write the reports. Qt-free."""
