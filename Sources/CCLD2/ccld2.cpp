// A thin C interface over libcld2 (Compact Language Detector 2).
#include "ccld2.h"

#include <cstdio>
#include <cld2/public/compact_lang_det.h>

#include <cstring>

namespace CLD2 {
const char *LanguageCode(Language lang);
}

extern "C" int ccld2_detect(const char *text, int length, char *code, int *percent, int *reliable) {
    CLD2::Language language3[3];
    int percent3[3] = {0, 0, 0};
    int text_bytes = 0;
    bool is_reliable = false;
    CLD2::Language best = CLD2::ExtDetectLanguageSummary(text, length, true, language3, percent3, &text_bytes,
                                                         &is_reliable);
    std::memset(code, 0, 16);
    if (best == CLD2::UNKNOWN_LANGUAGE) {
        *percent = 0;
        *reliable = 0;
        return 0;
    }
    const char *c = CLD2::LanguageCode(best);
    if (c) std::strncpy(code, c, 15);
    *percent = percent3[0];
    *reliable = is_reliable ? 1 : 0;
    return 1;
}
