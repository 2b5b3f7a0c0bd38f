/*
 * minutes: the minutes (verslag) of an intervisie for the group to keep,
 * as Markdown or HTML: per step the situation, the votes per option (by
 * the numbers shown), the choices of the group, the trainee or the replay
 * and the expert side by side, and the group's note.
 */
#ifndef KC_MINUTES_H
#define KC_MINUTES_H
#include "buf.h"
#include "intervisie.h"

enum minutes_format { MINUTES_MD, MINUTES_HTML };

/* The minutes of iv (a record read with intervisie_resume) onto b. */
void minutes_write(struct buf *b, const struct intervisie *iv,
		   enum minutes_format f);

#endif
