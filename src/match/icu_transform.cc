#include "match/icu_transform.h"

#include <unicode/translit.h>
#include <unicode/unistr.h>

namespace trm::match {

IcuTransform::IcuTransform(std::unique_ptr<icu::Transliterator> prototype)
    : prototype_(std::move(prototype)) {}

IcuTransform::~IcuTransform() = default;

Result<std::unique_ptr<IcuTransform>> IcuTransform::Create(const std::string& id) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::Transliterator> t(icu::Transliterator::createInstance(
      icu::UnicodeString::fromUTF8(id), UTRANS_FORWARD, status));
  if (U_FAILURE(status) || !t) {
    return Status::NotFound("ICU transform " + id + ": " + u_errorName(status));
  }
  return std::unique_ptr<IcuTransform>(new IcuTransform(std::move(t)));
}

std::unique_ptr<icu::Transliterator> IcuTransform::Borrow() const {
  std::lock_guard<std::mutex> lock(mu_);
  if (!free_.empty()) {
    auto t = std::move(free_.back());
    free_.pop_back();
    return t;
  }
  return std::unique_ptr<icu::Transliterator>(prototype_->clone());
}

void IcuTransform::Return(std::unique_ptr<icu::Transliterator> t) const {
  std::lock_guard<std::mutex> lock(mu_);
  free_.push_back(std::move(t));
}

std::string IcuTransform::Apply(std::string_view utf8) const {
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(utf8.data(), static_cast<int32_t>(utf8.size())));
  auto t = Borrow();
  t->transliterate(text);
  Return(std::move(t));
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace trm::match
