/* record: records and score files in memory (record.h). The score-file
 * module is split by concern:
 *
 *   record.c               records in memory, descriptions, the ScoreFile accessors
 *   paint_runs.c           a painting as runs of cells
 *   scoretext.c            hex, escaping, field lines
 *   scorefile_read.c       reading and parsing a file, each record's MAC checked
 *   scorefile_integrity.c  judging the records: edited, missing, reordered, truncated
 *   scorefile_write.c      creating a file and appending records (atomic, locked, ledgered)
 *   station_key.c          the station key and its id
 *   certcode.c             certificate verification codes
 *
 * The format (docs/FORMATS.md, "Score files"):
 *
 *   tpquiz-scores 2
 *   record 1
 *   kind profile
 *   ...
 *   prev <64 hex digits: the MAC of the record before, zeros for the first>
 *   mac <64 hex digits: HMAC-SHA256 of the record's text up to the mac line>
 *   record 2
 *   ...
 *
 * The MAC covers the bytes of the record exactly as they are in the file,
 * from the start of its "record" line up to (not including) its "mac" line,
 * so checking it needs no parsing and no canonical re-formatting: any byte
 * changed, added or removed inside a record breaks it.
 *
 * Numbers are read and written through text.h, not with strtod or
 * printf("%f"), so a locale with a decimal comma cannot change a file or
 * its MACs. */
#include "record.h"
#include "arena.h"
#include "scorefile_internal.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

const char *record_status_name(RecordStatus s)
{
    switch (s) {
    case RECORD_GOOD:
        return "good";
    case RECORD_EDITED:
        return "edited";
    case RECORD_MISSING:
        return "missing";
    case RECORD_REORDERED:
        return "reordered";
    case RECORD_TRUNCATED:
        return "truncated";
    }
    return "?";
}

/* An id read from a file, for a message: as it is if it is a plain token,
 * else "?" (a record that is not good may hold any bytes there, and a
 * message must not carry terminal escape sequences to whoever reads it). */
const char *record_shown_id(const char *s)
{
    return scoretext_plain_token(s) ? s : "?";
}

void record_describe(const Record *r, char *buf, size_t size)
{
    if (!buf || size == 0)
        return;
    char seq[24] = "?";
    if (r->seq > 0)
        snprintf(seq, sizeof seq, "%d", r->seq);
    if (r->kind == RECORD_PROFILE) {
        snprintf(buf, size, "record %s (profile, %s)", seq, record_shown_id(r->learner));
        return;
    }
    if (r->kind != RECORD_PROFILE && !r->course) { /* cut short before its course */
        snprintf(buf, size, "record %s", seq);
        return;
    }
    char date[48] = "?";
    time_t t = (time_t)r->finished;
    struct tm tm;
    if (r->finished > 0 && gmtime_r(&t, &tm))
        snprintf(date, sizeof date, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
    const char *course = record_shown_id(r->course);
    if (r->kind == RECORD_START) {
        t = (time_t)r->started;
        if (r->started > 0 && gmtime_r(&t, &tm))
            snprintf(date, sizeof date, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday);
        snprintf(buf, size, "record %s (exam start, %s, %s)", seq, course, date);
    } else if (r->mode == ATTEMPT_QUIZ)
        snprintf(buf, size, "record %s (quiz, %s/%s, %s)", seq, course, record_shown_id(r->module), date);
    else
        snprintf(buf, size, "record %s (exam, %s, %s)", seq, course, date);
}

void scorefile_free(ScoreFile *f)
{
    if (!f)
        return;
    arena_free(&f->mem); /* every value of every record */
    free(f->rec);
    free(f->meta);
    free(f->status);
    free(f->text);
    free(f);
}

int scorefile_count(const ScoreFile *f)
{
    return f ? f->n : 0;
}

const Record *scorefile_record(const ScoreFile *f, int i)
{
    return f && i >= 0 && i < f->n ? &f->rec[i] : NULL;
}

RecordStatus scorefile_status(const ScoreFile *f, int i)
{
    return f && i >= 0 && i < f->n ? f->status[i] : RECORD_EDITED;
}

bool scorefile_intact(const ScoreFile *f)
{
    if (!f || f->n == 0 || f->problems)
        return false;
    for (int i = 0; i < f->n; i++)
        if (f->status[i] != RECORD_GOOD)
            return false;
    return true;
}

int scorefile_problems(const ScoreFile *f)
{
    return f ? f->problems : 0;
}

const char *scorefile_learner(const ScoreFile *f)
{
    return f && f->profile >= 0 ? f->rec[f->profile].learner : NULL;
}

const char *scorefile_name(const ScoreFile *f)
{
    return f && f->profile >= 0 ? f->rec[f->profile].name : NULL;
}

bool scorefile_misnamed(const ScoreFile *f)
{
    return f && f->misnamed;
}

void scorefile_distrust(ScoreFile *f)
{
    if (f)
        f->distrusted = true;
}

bool scorefile_trusted(const ScoreFile *f)
{
    return f && !f->misnamed && !f->distrusted;
}

bool scorefile_record_mac(const ScoreFile *f, int i, unsigned char out[32])
{
    if (!f || i < 0 || i >= f->n || !f->meta[i].has_mac)
        return false;
    memcpy(out, f->meta[i].mac, sizeof f->meta[i].mac);
    return true;
}

int scorefile_version(const ScoreFile *f)
{
    return f ? f->version : 0;
}
