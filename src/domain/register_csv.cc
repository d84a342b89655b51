#include "domain/register_csv.h"

#include <map>

#include "domain/validation.h"

namespace trm::domain {
namespace {

// The columns in export order; `required` ones must be in an import's header.
struct Column {
  std::string_view name;
  bool required;
  std::vector<std::string> RegisterDetails::*list;  // nullptr: not a list
};
const Column kColumns[] = {
    {"id", false, nullptr},
    {"kind", true, nullptr},
    {"role", true, nullptr},
    {"names", true, &RegisterDetails::names},
    {"aliases", false, &RegisterDetails::aliases},
    {"country", true, nullptr},
    {"licence_numbers", false, &RegisterDetails::licence_numbers},
    {"addresses", false, &RegisterDetails::addresses},
    {"phones", false, &RegisterDetails::phones},
    {"websites", false, &RegisterDetails::websites},
    {"handles", false, &RegisterDetails::handles},
    {"status", true, nullptr},
    {"status_date", true, nullptr},
    {"source_kind", true, nullptr},
    {"source_reference", true, nullptr},
    {"review_date", false, nullptr},
    {"reason", false, nullptr},
};

std::string Trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return std::string(s);
}

std::vector<std::string> SplitList(const std::string& s) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= s.size()) {
    size_t bar = s.find('|', start);
    if (bar == std::string::npos) bar = s.size();
    std::string v = Trim(std::string_view(s).substr(start, bar - start));
    if (!v.empty()) out.push_back(std::move(v));
    start = bar + 1;
  }
  return out;
}

std::string JoinList(const std::vector<std::string>& v) {
  std::string out;
  for (const std::string& s : v) out += (out.empty() ? "" : "|") + s;
  return out;
}

// Fills the row from its fields; the first problem is the row's error.
Status ReadRow(const std::map<std::string_view, size_t>& at, const CsvRecord& rec, ImportRow& row) {
  auto get = [&](std::string_view column) -> std::string {
    auto it = at.find(column);
    return it == at.end() || it->second >= rec.fields.size() ? "" : Trim(rec.fields[it->second]);
  };
  if (rec.fields.size() != at.size())
    return Status::InvalidArgument("the row has " + std::to_string(rec.fields.size()) + " fields; the header has " +
                                       std::to_string(at.size()),
                                   "csv");
  for (const auto& [column, index] : at) RETURN_IF_ERROR(CheckText(rec.fields[index], column, 5000));
  if (std::string id = get("id"); !id.empty()) {
    if (id.size() > 18 || id.find_first_not_of("0123456789") != std::string::npos || id == "0")
      return Status::InvalidArgument("id must be an entry's number", "id");
    row.id = std::stoll(id);
  }
  RegisterEntry& e = row.entry;
  auto kind = ParseRegisterKind(get("kind"));
  if (!kind) return Status::InvalidArgument("kind must be person or organisation", "kind");
  e.kind = *kind;
  auto role = ParseRegisterRole(get("role"));
  if (!role) return Status::InvalidArgument("role must be recruiter, broker, agency or employer", "role");
  e.role = *role;
  e.country = get("country");
  auto status = ParseRegisterStatus(get("status"));
  if (!status) return Status::InvalidArgument("unknown status '" + get("status") + "'", "status");
  e.status = *status;
  e.status_date = get("status_date");
  auto source = ParseSourceKind(get("source_kind"));
  if (!source) return Status::InvalidArgument("source_kind must be case, court or public_list", "source_kind");
  e.source = {*source, get("source_reference")};
  e.review_date = get("review_date");
  for (const Column& c : kColumns)
    if (c.list != nullptr) e.details.*c.list = SplitList(get(c.name));
  if (std::string reason = get("reason"); !reason.empty()) row.reason = reason;
  RETURN_IF_ERROR(ValidateRegisterEntry(e));
  return ValidateStatusChange(e.status_date, e.source, row.reason);
}

}  // namespace

Result<std::vector<CsvRecord>> ParseCsv(std::string_view text) {
  std::vector<CsvRecord> out;
  int line = 1;
  size_t i = 0;
  while (i < text.size()) {
    CsvRecord rec{line, {}};
    std::string field;
    bool end_of_record = false;
    while (!end_of_record) {
      if (i < text.size() && text[i] == '"') {
        const int opened = line;
        for (++i;; ++i) {
          if (i >= text.size())
            return Status::InvalidArgument("line " + std::to_string(opened) + ": a quote is never closed", "csv");
          if (text[i] == '"' && i + 1 < text.size() && text[i + 1] == '"') {
            field += '"';
            ++i;
          } else if (text[i] == '"') {
            ++i;
            break;
          } else {
            if (text[i] == '\n') ++line;
            field += text[i];
          }
        }
        if (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
          return Status::InvalidArgument("line " + std::to_string(line) + ": text after a closing quote", "csv");
      } else {
        while (i < text.size() && text[i] != ',' && text[i] != '\n' && text[i] != '\r') field += text[i++];
      }
      rec.fields.push_back(std::move(field));
      field.clear();
      if (i < text.size() && text[i] == ',') {
        ++i;
        continue;
      }
      if (i < text.size() && text[i] == '\r') ++i;
      if (i < text.size() && text[i] == '\n') ++i;
      ++line;
      end_of_record = true;
    }
    // Blank lines (a trailing newline, spacing) are not records.
    if (!(rec.fields.size() == 1 && Trim(rec.fields[0]).empty())) out.push_back(std::move(rec));
  }
  return out;
}

std::string CsvField(std::string_view value) {
  if (value.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(value);
  std::string out = "\"";
  for (char c : value) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

Result<std::vector<ImportRow>> ReadImportFile(std::string_view csv, const std::string& import_reason) {
  ASSIGN_OR_RETURN(std::vector<CsvRecord> records, ParseCsv(csv));
  if (records.empty()) return Status::InvalidArgument("the file is empty; it needs a header line", "csv");
  std::map<std::string_view, size_t> at;
  const std::vector<std::string>& header = records[0].fields;
  for (size_t i = 0; i < header.size(); ++i) {
    const std::string name = Trim(header[i]);
    const Column* known = nullptr;
    for (const Column& c : kColumns)
      if (c.name == name) known = &c;
    if (known == nullptr)
      return Status::InvalidArgument("line 1: unknown column '" + (IsValidUtf8(name) ? name : "?") + "'", "csv");
    if (!at.emplace(known->name, i).second)
      return Status::InvalidArgument("line 1: column '" + name + "' appears twice", "csv");
  }
  for (const Column& c : kColumns)
    if (c.required && !at.contains(c.name))
      return Status::InvalidArgument("line 1: the column '" + std::string(c.name) + "' is missing", "csv");
  if (records.size() < 2) return Status::InvalidArgument("the file has a header but no rows", "csv");
  if (records.size() - 1 > kMaxImportRows)
    return Status::InvalidArgument("at most " + std::to_string(kMaxImportRows) + " rows at a time", "csv");
  std::vector<ImportRow> rows;
  for (size_t r = 1; r < records.size(); ++r) {
    ImportRow row;
    row.line = records[r].line;
    row.reason = import_reason;
    row.error = ReadRow(at, records[r], row);
    rows.push_back(std::move(row));
  }
  return rows;
}

std::string ExportHeader() {
  std::string out;
  for (const Column& c : kColumns) out += (out.empty() ? "" : ",") + std::string(c.name);
  return out + "\r\n";
}

std::string ExportLine(const RegisterEntry& e, bool details) {
  std::string out;
  for (const Column& c : kColumns) {
    std::string v;
    if (c.name == "id") v = std::to_string(e.id);
    else if (c.name == "kind") v = Name(e.kind);
    else if (c.name == "role") v = Name(e.role);
    else if (c.name == "country") v = e.country;
    else if (c.name == "status") v = Name(e.status);
    else if (c.name == "status_date") v = e.status_date;
    else if (c.name == "source_kind") v = Name(e.source.kind);
    else if (c.name == "source_reference") v = details || e.source.kind != SourceKind::kCase ? e.source.reference : "";
    else if (c.name == "review_date") v = details ? e.review_date : "";
    else if (c.list != nullptr && details) v = JoinList(e.details.*c.list);
    out += (c.name == "id" ? "" : ",") + CsvField(v);
  }
  return out + "\r\n";
}

}  // namespace trm::domain
