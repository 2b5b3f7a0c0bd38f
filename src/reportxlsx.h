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
#include "spool.h"

/* Write the workbook for r to path with the sessions of sp (added in
 * REPORT_OLDEST order), levels and targets of fw. 0, or -1 with a Dutch
 * message in err (static text). */
int reportxlsx_write(const char *path, const struct review *r,
		     const struct framework *fw, struct spool *sp,
		     const char **err);

#endif
