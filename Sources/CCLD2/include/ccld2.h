#ifndef CCLD2_H
#define CCLD2_H

#ifdef __cplusplus
extern "C" {
#endif

/// Detects the language of plain UTF-8 text with CLD2.
/// Writes the ISO code of the best language (NUL-terminated, at most 15 bytes) into `code` (16 bytes),
/// its share of the text in percent into `percent`, and whether CLD2 deems it reliable into `reliable`.
/// Returns 0 when CLD2 does not know the language, 1 otherwise.
int ccld2_detect(const char *text, int length, char *code, int *percent, int *reliable);

#ifdef __cplusplus
}
#endif

#endif
