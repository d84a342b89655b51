#include "match/partial_date.h"

#include <cstdio>

namespace trm::match {
namespace {

bool AllDigits(std::string_view s) {
  if (s.empty()) return false;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

int ToInt(std::string_view s) {
  int v = 0;
  for (char c : s) v = v * 10 + (c - '0');
  return v;
}

int DaysInMonth(int year, int month) {
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : kDays[month - 1];
}

}  // namespace

std::string PartialDate::ToString() const {
  if (!known()) return "";
  char buf[32];
  if (approximate) {
    std::snprintf(buf, sizeof(buf), "~%04d", year);
  } else if (day) {
    std::snprintf(buf, sizeof(buf), "%04d-%02d-%02d", year, month, day);
  } else if (month) {
    std::snprintf(buf, sizeof(buf), "%04d-%02d", year, month);
  } else {
    std::snprintf(buf, sizeof(buf), "%04d", year);
  }
  return buf;
}

Result<PartialDate> ParsePartialDate(std::string_view text) {
  PartialDate d;
  if (text.empty()) return d;
  const bool shape_ok =
      (text.size() == 4 && AllDigits(text)) ||
      (text.size() == 7 && text[4] == '-' && AllDigits(text.substr(0, 4)) &&
       AllDigits(text.substr(5, 2))) ||
      (text.size() == 10 && text[4] == '-' && text[7] == '-' && AllDigits(text.substr(0, 4)) &&
       AllDigits(text.substr(5, 2)) && AllDigits(text.substr(8, 2)));
  if (!shape_ok) {
    return Status::InvalidArgument(
        "birth_date must be YYYY-MM-DD, YYYY-MM or YYYY: '" + std::string(text) + "'",
        "birth_date");
  }
  const int year = ToInt(text.substr(0, 4));
  if (year < 1850 || year > 2100) {
    return Status::InvalidArgument("birth year out of range: " + std::string(text), "birth_date");
  }
  d.year = static_cast<int16_t>(year);
  if (text.size() >= 7) {
    const int month = ToInt(text.substr(5, 2));
    if (month < 1 || month > 12) {
      return Status::InvalidArgument("month out of range: " + std::string(text), "birth_date");
    }
    d.month = static_cast<int8_t>(month);
  }
  if (text.size() == 10) {
    const int day = ToInt(text.substr(8, 2));
    if (day < 1 || day > DaysInMonth(year, d.month)) {
      return Status::InvalidArgument("day out of range: " + std::string(text), "birth_date");
    }
    d.day = static_cast<int8_t>(day);
  }
  return d;
}

Result<PartialDate> DateFromAge(int age, int reference_year) {
  if (age < 0 || age > 130) {
    return Status::InvalidArgument("age out of range: " + std::to_string(age), "age");
  }
  PartialDate d;
  d.year = static_cast<int16_t>(reference_year - age);
  d.approximate = true;
  return d;
}

}  // namespace trm::match
