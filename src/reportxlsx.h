/*
 * reportxlsx: the report as one Excel workbook with a sheet per table
 * (sessies, stappen, competenties), the same columns as the CSV tables.
 * Cells are typed: numbers as numbers, the start as a date and time;
 * each header row is frozen. Written with libxlsxwriter in its constant
 * memory mode (row by row to temporary files).
 */
#ifndef KC_REPORTXLSX_H
#define KC_REPORTXLSX_H
#include "review.h"

/* Write the workbook for r (sessions kept) to path, levels and targets of
 * fw. 0, or -1 with a Dutch message in err (static text). */
int reportxlsx_write(const char *path, const struct review *r,
		     const struct framework *fw, const char **err);

#endif
