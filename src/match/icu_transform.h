// A thread-safe handle on one ICU transliterator (e.g. "Han-Latin/Names").
//
// ICU transliterator instances must not be shared between threads while in
// use, so each call borrows a clone from a small pool; clones are made on
// demand and kept, so steady state costs one uncontended lock per call.
#pragma once

#include <unicode/translit.h>

#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "common/status.h"

namespace trm::match {

class IcuTransform {
 public:
  // Returns NotFound when ICU does not know `id`.
  static Result<std::unique_ptr<IcuTransform>> Create(const std::string& id);
  ~IcuTransform();

  // Applies the transform to UTF-8 text; thread-safe.
  std::string Apply(std::string_view utf8) const;

 private:
  explicit IcuTransform(std::unique_ptr<icu::Transliterator> prototype);
  std::unique_ptr<icu::Transliterator> Borrow() const;
  void Return(std::unique_ptr<icu::Transliterator> t) const;

  std::unique_ptr<icu::Transliterator> prototype_;
  mutable std::mutex mu_;
  mutable std::vector<std::unique_ptr<icu::Transliterator>> free_;  // GUARDED_BY(mu_)
};

}  // namespace trm::match
