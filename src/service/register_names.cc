#include "service/register_names.h"

#include <algorithm>

#include "match/comparison.h"
#include "match/fields.h"

namespace trm::service {
namespace {

// The engine's model asks "are these two records one person?" of records
// drawn from a whole caseload: its prior is tiny, and a name alone, however
// well it agrees, stays far below its thresholds. A register check asks a
// narrower question of names alone: "is this the name written in the
// register?". Same m and u (how names agree and disagree), with the prior of
// one name among a register's worth of names. Name frequencies are left out:
// a register of a few hundred names says nothing of how common a name is.
// With it a romanised agreement scores 0.996, a typo 0.95, the same sound or
// the shorter name's words all found 0.78.
constexpr double kNamePrior = 1e-2;

match::Model NameModel(const match::Model& engine_model) {
  match::Model m = engine_model;
  m.SetPrior(kNamePrior);
  m.SetNameTf(false);
  return m;
}

// The levels that say two names agree in every word (the shorter's, for
// subset); a partial agreement ("Somchai X" and "Somchai Y") is not a match.
bool Agrees(uint8_t level) {
  return level >= match::name_level::kExact && level <= match::name_level::kSubset;
}

// Scripts that write a name's words together: "สยามแรงงาน" romanises as one
// word where the Latin spelling has several ("Siam Raeng Ngan").
bool WritesWordsTogether(match::Script s) {
  return s == match::Script::kThai || s == match::Script::kLao || s == match::Script::kKhmer ||
         s == match::Script::kMyanmar;
}

std::string WithoutSpaces(std::string s) {
  std::erase(s, ' ');
  return s;
}

}  // namespace

Result<std::unique_ptr<RegisterNames>> RegisterNames::Load(const match::Engine& engine) {
  ASSIGN_OR_RETURN(domain::CompanyWords words,
                   domain::LoadCompanyWords(engine.data_dir() + "/company_words.txt"));
  return std::make_unique<RegisterNames>(engine, std::move(words));
}

RegisterNames::RegisterNames(const match::Engine& engine, domain::CompanyWords words)
    : engine_(engine), words_(std::move(words)), model_(NameModel(engine.model())) {}

match::Record RegisterNames::RecordOf(const std::string& name, bool joined) const {
  match::Record r;
  r.full_name = words_.Strip(name);
  if (joined) r.full_name = WithoutSpaces(std::move(r.full_name));
  return r;
}

void RegisterNames::Replace(const domain::RegisterEntry& e) {
  std::vector<Name>& names = names_[e.id];
  names.clear();
  const bool organisation = e.kind == domain::RegisterKind::kOrganisation;
  const std::pair<const char*, const std::vector<std::string>*> lists[] = {{"name", &e.details.names},
                                                                           {"alias", &e.details.aliases}};
  for (const auto& [field, values] : lists) {
    for (const std::string& value : *values) {
      const match::Record r = RecordOf(value, false);
      const match::Script script = engine_.preparer().ParseName(r).script;
      // A name the engine cannot read (it passed the entry's validation,
      // so this should not happen) is left out rather than stopping every
      // check; the check's exact and normalised comparison still sees it.
      auto prepared = engine_.Prepare(r);
      if (!prepared.ok() || prepared->name.empty()) continue;
      names.push_back(Name{field, value, script, std::move(*prepared), false});
      // Only where the script runs words together: two Latin names written
      // together ("goldenstarrecruitment", "goldensunrecruitment") look alike
      // by their length alone.
      if (!organisation || !WritesWordsTogether(script)) continue;
      auto joined = engine_.Prepare(RecordOf(value, true));
      if (joined.ok() && !joined->name.empty())
        names.push_back(Name{field, value, script, std::move(*joined), true});
    }
  }
}

Status RegisterNames::CatchUp(store::Store& store) {
  return watermark_.CatchUp(
      store,
      [](store::Tx& tx, Millis since, domain::Id after_id, int limit) {
        return tx.register_entries().ChangedSince(since, after_id, limit);
      },
      [&](const domain::RegisterEntry& e) { Replace(e); });
}

Result<std::vector<RegisterNameHit>> RegisterNames::Query(store::Store& store, const std::string& name) {
  std::lock_guard lock(mu_);
  RETURN_IF_ERROR(CatchUp(store));
  const match::Record query_record = RecordOf(name, false);
  ASSIGN_OR_RETURN(const match::PreparedRecord query, engine_.Prepare(query_record));
  ASSIGN_OR_RETURN(const match::PreparedRecord joined, engine_.Prepare(RecordOf(name, true)));
  const match::Script script = engine_.preparer().ParseName(query_record).script;
  std::vector<RegisterNameHit> out;
  if (query.name.empty()) return out;
  for (const auto& [entry_id, names] : names_) {
    for (const Name& n : names) {
      // Written together, an organisation's name meets the query written
      // together too: one word each, so no word of either is left over.
      const match::PreparedRecord& q = n.joined ? joined : query;
      const match::Explanation x =
          model_.Explain(match::Compare(q, n.prepared), q.name, n.prepared.name, nullptr);
      const uint8_t level = x.fields[static_cast<int>(match::Field::kName)].level;
      if (!Agrees(level) || x.probability < kMinProbability) continue;
      auto same = std::find_if(out.begin(), out.end(), [&](const RegisterNameHit& h) {
        return h.entry_id == entry_id && h.entry_field == n.field && h.entry_value == n.value;
      });
      if (same != out.end() && same->probability >= x.probability) continue;
      RegisterNameHit hit{entry_id, n.field, n.value, x.probability,
                          std::string(match::InfoOf(match::Field::kName).level_names[level]),
                          script != n.script && script != match::Script::kUnknown &&
                              n.script != match::Script::kUnknown};
      if (same != out.end()) *same = std::move(hit);
      else out.push_back(std::move(hit));
    }
  }
  std::stable_sort(out.begin(), out.end(), [](const RegisterNameHit& a, const RegisterNameHit& b) {
    return a.probability > b.probability;
  });
  return out;
}

}  // namespace trm::service
