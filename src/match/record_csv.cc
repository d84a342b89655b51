#include "match/record_csv.h"

#include <algorithm>
#include <charconv>
#include <unordered_map>
#include <unordered_set>

#include "match/csv.h"
#include "match/partial_date.h"
#include "match/utf8.h"

namespace trm::match {
namespace {

enum Column {
  kId,
  kFullName,
  kGivenName,
  kFamilyName,
  kBirthDate,
  kAge,
  kSex,
  kCitizenship,
  kPlace,
  kPhone,
  kDocument,
  kColumnCount
};

constexpr const char* kColumnNames[kColumnCount] = {
    "id",  "full_name",   "given_name", "family_name", "birth_date",     "age",
    "sex", "citizenship", "place",      "phone",       "document_number"};

std::string Lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

}  // namespace

Result<RecordSet> ReadRecordsCsv(std::istream* in) {
  CsvReader reader(in);
  std::vector<std::string> fields;
  auto header = reader.Next(&fields);
  if (!header.ok()) return header.status();
  if (!*header) return Status::InvalidArgument("empty file: a header row is required");
  // Strip a UTF-8 byte order mark.
  if (!fields.empty() && fields[0].rfind("\xEF\xBB\xBF", 0) == 0) fields[0].erase(0, 3);
  int position[kColumnCount];
  std::fill(position, position + kColumnCount, -1);
  for (size_t i = 0; i < fields.size(); ++i) {
    const std::string name = Lower(fields[i]);
    for (int c = 0; c < kColumnCount; ++c) {
      if (name != kColumnNames[c]) continue;
      if (position[c] >= 0) {
        return Status::InvalidArgument("header names column " + name + " twice");
      }
      position[c] = static_cast<int>(i);
    }
  }
  if (position[kId] < 0) return Status::InvalidArgument("header has no id column");
  const size_t width = fields.size();

  RecordSet set;
  std::unordered_set<std::string> ids;
  while (true) {
    auto more = reader.Next(&fields);
    if (!more.ok()) {
      set.errors.push_back({reader.line(), more.status().message()});
      continue;
    }
    if (!*more) break;
    const int line = reader.line();
    if (fields.size() == 1 && fields[0].empty()) continue;  // blank line
    if (fields.size() != width) {
      set.errors.push_back({line, "expected " + std::to_string(width) + " fields, found " +
                                      std::to_string(fields.size())});
      continue;
    }
    std::string bad_utf8;
    for (int c = 0; c < kColumnCount && bad_utf8.empty(); ++c) {
      if (position[c] >= 0 && !IsValidUtf8(fields[position[c]])) bad_utf8 = kColumnNames[c];
    }
    if (!bad_utf8.empty()) {
      set.errors.push_back({line, "invalid UTF-8 in " + bad_utf8});
      continue;
    }
    auto get = [&](Column c) { return position[c] >= 0 ? fields[position[c]] : std::string(); };
    Record r;
    r.id = get(kId);
    if (r.id.empty()) {
      set.errors.push_back({line, "empty id"});
      continue;
    }
    if (!ids.insert(r.id).second) {
      set.errors.push_back({line, "duplicate id " + r.id});
      continue;
    }
    r.full_name = get(kFullName);
    r.given_name = get(kGivenName);
    r.family_name = get(kFamilyName);
    r.birth_date = get(kBirthDate);
    auto date = ParsePartialDate(r.birth_date);
    if (!date.ok()) {
      set.errors.push_back({line, date.status().message()});
      ids.erase(r.id);
      continue;
    }
    const std::string age = get(kAge);
    if (!age.empty()) {
      int value = -1;
      const auto [ptr, ec] = std::from_chars(age.data(), age.data() + age.size(), value);
      if (ec != std::errc() || ptr != age.data() + age.size() || value < 0 || value > 130) {
        set.errors.push_back({line, "age must be a whole number from 0 to 130: '" + age + "'"});
        ids.erase(r.id);
        continue;
      }
      r.age = value;
    }
    r.sex = get(kSex);
    r.citizenship = get(kCitizenship);
    r.place = get(kPlace);
    r.phone = get(kPhone);
    r.document_number = get(kDocument);
    set.records.push_back(std::move(r));
    set.lines.push_back(line);
  }
  return set;
}

}  // namespace trm::match
