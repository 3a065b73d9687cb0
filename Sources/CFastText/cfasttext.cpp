// A thin C interface over libfasttext, so that Swift code never touches C++.
#include "cfasttext.h"

#include <fasttext/fasttext.h>

#include <cstring>
#include <sstream>
#include <string>
#include <vector>

struct cft_model {
    fasttext::FastText model;
};

extern "C" cft_model *cft_load(const char *path, char *error, int error_size) {
    auto *handle = new cft_model();
    try {
        handle->model.loadModel(std::string(path));
    } catch (const std::exception &e) {
        if (error && error_size > 0) {
            std::strncpy(error, e.what(), error_size - 1);
            error[error_size - 1] = 0;
        }
        delete handle;
        return nullptr;
    } catch (...) {
        if (error && error_size > 0) {
            std::strncpy(error, "unknown fastText error", error_size - 1);
            error[error_size - 1] = 0;
        }
        delete handle;
        return nullptr;
    }
    return handle;
}

extern "C" void cft_free(cft_model *model) { delete model; }

extern "C" int cft_predict(const cft_model *model, const char *text, int k, char *labels, float *probs) {
    if (!model || !text || k <= 0) return 0;
    std::string line(text);
    for (auto &c : line) {
        if (c == '\n' || c == '\r') c = ' ';
    }
    line.push_back('\n');
    std::istringstream in(line);
    std::vector<std::pair<fasttext::real, std::string>> predictions;
    try {
        model->model.predictLine(in, predictions, k, 0.0f);
    } catch (...) {
        return 0;
    }
    int n = 0;
    static const std::string prefix = "__label__";
    for (const auto &p : predictions) {
        if (n >= k) break;
        std::string label = p.second;
        if (label.compare(0, prefix.size(), prefix) == 0) label = label.substr(prefix.size());
        std::memset(labels + n * 16, 0, 16);
        std::strncpy(labels + n * 16, label.c_str(), 15);
        probs[n] = p.first;
        n++;
    }
    return n;
}
