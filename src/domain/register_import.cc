#include "domain/register_import.h"

#include <algorithm>
#include <functional>
#include <map>

#include "domain/enum_table.h"
#include "domain/register_match.h"

namespace trm::domain {
namespace {

constexpr EnumTable<ImportAction, 4> kActions{{
    {ImportAction::kCreate, "create"},
    {ImportAction::kUpdate, "update"},
    {ImportAction::kUnchanged, "unchanged"},
    {ImportAction::kRejected, "rejected"},
}};

using Key = std::function<std::string(std::string_view)>;

bool SharesKey(const std::vector<std::string>& a, const std::vector<std::string>& b, const Key& key) {
  for (const std::string& x : a)
    for (const std::string& y : b)
      if (key(x) == key(y)) return true;
  return false;
}

// Adds the values of `from` whose key `into` lacks; true when any was added.
bool Merge(std::vector<std::string>& into, const std::vector<std::string>& from, const Key& key) {
  bool added = false;
  for (const std::string& v : from) {
    const bool known = std::any_of(into.begin(), into.end(), [&](const std::string& x) { return key(x) == key(v); });
    if (!known) {
      into.push_back(v);
      added = true;
    }
  }
  return added;
}

std::string Ids(const std::vector<const RegisterEntry*>& v) {
  std::string out;
  for (const RegisterEntry* e : v) out += (out.empty() ? "#" : ", #") + std::to_string(e->id);
  return out;
}

// The entry the row names, and how; Status when it names none clearly.
Result<std::pair<const RegisterEntry*, std::string>> Find(const ImportRow& row,
                                                          const std::vector<RegisterEntry>& existing) {
  const RegisterEntry& r = row.entry;
  if (row.id) {
    for (const RegisterEntry& e : existing)
      if (e.id == *row.id) return std::pair{&e, std::string("id")};
    return Status::InvalidArgument("no entry #" + std::to_string(*row.id) + " in the register", "id");
  }
  const Key key = [](std::string_view s) { return NameKey(s); };
  for (const char* how : {"licence_number", "name"}) {
    std::vector<const RegisterEntry*> found;
    for (const RegisterEntry& e : existing) {
      if (e.country != r.country) continue;
      const bool hit = std::string_view(how) == "name"
                           ? e.kind == r.kind && SharesKey(e.details.names, r.details.names, key)
                           : SharesKey(e.details.licence_numbers, r.details.licence_numbers, key);
      if (hit) found.push_back(&e);
    }
    if (found.size() > 1)
      return Status::InvalidArgument("the row matches several entries (" + Ids(found) +
                                         "); give the id of the one it means",
                                     std::string_view(how) == "name" ? "names" : "licence_numbers");
    if (found.size() == 1) return std::pair{found[0], std::string(how)};
  }
  return std::pair{static_cast<const RegisterEntry*>(nullptr), std::string()};
}

// Two new entries of one country with a licence number, or (same kind) a
// name, in common.
bool SameNew(const RegisterEntry& a, const RegisterEntry& b) {
  const Key key = [](std::string_view s) { return NameKey(s); };
  if (a.country != b.country) return false;
  return SharesKey(a.details.licence_numbers, b.details.licence_numbers, key) ||
         (a.kind == b.kind && SharesKey(a.details.names, b.details.names, key));
}

// The entry updated by the row; step.action says whether anything changed.
Status Update(const ImportRow& row, const RegisterEntry& before, ImportStep& step) {
  const RegisterEntry& r = row.entry;
  RegisterEntry e = before;
  bool changed = e.kind != r.kind || e.role != r.role || e.country != r.country;
  e.kind = r.kind;
  e.role = r.role;
  e.country = r.country;
  const Key name = [](std::string_view s) { return NameKey(s); };
  const Key phone = [&e](std::string_view s) { return PhoneKey(s, e.country); };
  const Key handle = [](std::string_view s) { return HandleKey(s); };
  const Key website = [](std::string_view s) { return WebsiteKey(s); };
  RegisterDetails& d = e.details;
  changed = Merge(d.names, r.details.names, name) | changed;
  changed = Merge(d.aliases, r.details.aliases, name) | changed;
  changed = Merge(d.licence_numbers, r.details.licence_numbers, name) | changed;
  changed = Merge(d.addresses, r.details.addresses, name) | changed;
  changed = Merge(d.phones, r.details.phones, phone) | changed;
  changed = Merge(d.websites, r.details.websites, website) | changed;
  changed = Merge(d.handles, r.details.handles, handle) | changed;
  if (!r.review_date.empty() && r.review_date != e.review_date) {
    e.review_date = r.review_date;
    changed = true;
  }
  if (r.status != e.status) {
    RETURN_IF_ERROR(CheckStatusChange(e.status, r.status));
    e.status = r.status;
    e.status_date = r.status_date;
    e.source = r.source;
    step.status_change = changed = true;
  }
  RETURN_IF_ERROR(ValidateRegisterEntry(e));
  step.action = changed ? ImportAction::kUpdate : ImportAction::kUnchanged;
  step.result = std::move(e);
  return Status::Ok();
}

}  // namespace

std::string_view Name(ImportAction v) { return EnumName(kActions, v); }

std::vector<ImportStep> PlanImport(const std::vector<ImportRow>& rows,
                                   const std::vector<RegisterEntry>& existing) {
  std::vector<ImportStep> out;
  std::map<Id, int> claimed;  // entry id -> the line that updates it
  for (const ImportRow& row : rows) {
    ImportStep step;
    step.line = row.line;
    step.reason = row.reason;
    step.error = row.error;
    if (step.error.ok()) {
      auto found = Find(row, existing);
      if (!found.ok()) {
        step.error = found.status();
      } else if (const RegisterEntry* e = found->first; e == nullptr) {
        step.error = CheckInitialStatus(row.entry.status);
        step.action = ImportAction::kCreate;
        step.result = row.entry;
        // Two new rows for one person or organisation would be two entries.
        for (const ImportStep& earlier : out)
          if (step.error.ok() && earlier.action == ImportAction::kCreate && SameNew(earlier.result, row.entry))
            step.error = Status::InvalidArgument(
                "the same person or organisation as line " + std::to_string(earlier.line), "names");
      } else if (auto [it, fresh] = claimed.emplace(e->id, row.line); !fresh) {
        step.error = Status::InvalidArgument("the same entry #" + std::to_string(e->id) + " as line " +
                                                 std::to_string(it->second),
                                             found->second == "id" ? "id" : "names");
      } else {
        step.entry_id = e->id;
        step.matched_by = found->second;
        step.error = Update(row, *e, step);
      }
    }
    if (!step.error.ok()) {
      step.action = ImportAction::kRejected;
      step.result = RegisterEntry{};
    }
    out.push_back(std::move(step));
  }
  return out;
}

}  // namespace trm::domain
