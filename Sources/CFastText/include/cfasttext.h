#ifndef CFASTTEXT_H
#define CFASTTEXT_H

#ifdef __cplusplus
extern "C" {
#endif

/// Opaque handle to a loaded fastText model.
typedef struct cft_model cft_model;

/// Loads a model file. Returns NULL and writes a message into `error` (size `error_size`) on failure.
cft_model *cft_load(const char *path, char *error, int error_size);

/// Frees a model.
void cft_free(cft_model *model);

/// Predicts the top `k` labels for one line of UTF-8 text (newlines are replaced by spaces).
/// Writes up to `k` labels (without the `__label__` prefix, NUL-terminated, at most 15 bytes)
/// into `labels` (k * 16 bytes) and their probabilities into `probs`. Returns the number written.
int cft_predict(const cft_model *model, const char *text, int k, char *labels, float *probs);

#ifdef __cplusplus
}
#endif

#endif
