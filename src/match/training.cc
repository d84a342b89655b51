#include "match/training.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <mutex>
#include <unordered_map>

#include "match/em.h"
#include "match/pair_generator.h"
#include "match/parallel.h"
#include "match/random.h"

namespace trm::match {
namespace {

constexpr uint64_t kMinEmPairs = 50;
// EM learns m from the pairs it judges to be matches; with fewer than this
// many (lambda x pairs used) it has no matches to learn from and converges on
// some unrelated pattern (namesakes born within five years, say), whose m
// would veto every true match. Such a run is not used: the starting m stays.
constexpr double kMinEmMatches = 50;

constexpr double kMinConditionalPairs = 1000;
constexpr double kMinTrainedM = 1e-3;

// Level counts per field; the extra last row counts place levels among pairs
// that agree on citizenship.
using LevelCounts = std::array<std::array<double, kMaxLevels>, kFieldCount + 1>;

void AddCounts(const ComparisonVector& v, LevelCounts* c) {
  for (int f = 0; f < kFieldCount; ++f) (*c)[f][v.level[f]] += 1;
  if (v.level[static_cast<int>(Field::kCitizenship)] == simple_level::kSame) {
    (*c)[kFieldCount][v.level[static_cast<int>(Field::kPlace)]] += 1;
  }
}

struct Sides {
  std::vector<uint32_t> a, b;  // record indexes per side (b empty for dedupe)
};

// Probability that a random pair (across sides when linking) has the same
// non-zero value, among pairs where both have one.
template <typename KeyFn>
double ValueAgreement(const std::vector<PreparedRecord>& records, const Sides& s, bool link,
                      KeyFn key) {
  std::unordered_map<uint64_t, std::pair<double, double>> counts;
  double na = 0, nb = 0;
  for (uint32_t i : s.a) {
    const uint64_t k = key(records[i]);
    if (k == 0) continue;
    ++counts[k].first;
    ++na;
  }
  for (uint32_t i : s.b) {
    const uint64_t k = key(records[i]);
    if (k == 0) continue;
    ++counts[k].second;
    ++nb;
  }
  double sum = 0;
  if (link) {
    if (na == 0 || nb == 0) return 0;
    for (const auto& [k, c] : counts) sum += (c.first / na) * (c.second / nb);
  } else {
    if (na < 2) return 0;
    for (const auto& [k, c] : counts) sum += c.first * (c.first - 1);
    sum /= na * (na - 1);
  }
  return sum;
}

Sides SplitSides(size_t n, const std::vector<uint8_t>& sides) {
  Sides s;
  for (uint32_t i = 0; i < n; ++i) {
    if (sides.empty() || sides[i] == 0) {
      s.a.push_back(i);
    } else {
      s.b.push_back(i);
    }
  }
  return s;
}

TrainingRun RunRule(const std::vector<PreparedRecord>& records, const std::vector<uint8_t>& sides,
                    BlockingRule rule, Field excluded, const TrainingOptions& options,
                    double start_lambda, Model* model) {
  TrainingRun run;
  run.rule = rule;
  PairGeneratorOptions gen_options;
  gen_options.max_block_size = options.max_block_size;
  gen_options.sides = sides;
  PairGenerator gen(records, {rule}, gen_options, options.threads);
  run.pairs = gen.CountPairs();
  const double keep =
      run.pairs == 0
          ? 0.0
          : std::min(1.0, static_cast<double>(options.em_pairs) / static_cast<double>(run.pairs));
  std::vector<PatternCounter> counters(gen.threads());
  std::vector<uint64_t> sampled(gen.threads(), 0);
  gen.ForEachPair([&](int t, uint32_t i, uint32_t j) {
    if (keep < 1.0 && PairUnit(i, j, options.seed) >= keep) return;
    ComparisonVector v = Compare(records[i], records[j]);
    v.level[static_cast<int>(excluded)] = 0;
    counters[t].Add(v);
    ++sampled[t];
  });
  for (size_t t = 1; t < counters.size(); ++t) counters[0].Merge(counters[t]);
  for (uint64_t s : sampled) run.sampled += s;
  if (run.sampled < kMinEmPairs) return run;
  // u stays as measured on random pairs. Sex, citizenship and place only
  // listen: people sharing a name mostly share a citizenship and often a
  // place, so as voters they would make namesakes look like matches.
  EmOptions em;
  em.fix_u = true;
  em.excluded[static_cast<int>(excluded)] = true;
  for (Field weak : {Field::kSex, Field::kCitizenship, Field::kPlace}) {
    em.passive[static_cast<int>(weak)] = true;
  }
  const EmResult r = RunEm(counters[0].Patterns(), em, start_lambda, model);
  run.lambda = r.lambda;
  run.iterations = r.iterations;
  run.converged = r.converged;
  run.used = r.lambda * static_cast<double>(run.sampled) >= kMinEmMatches;
  return run;
}

double KnownShare(const std::vector<PreparedRecord>& records, const std::vector<uint32_t>& idx,
                  bool (*known)(const PreparedRecord&)) {
  if (idx.empty()) return 0;
  size_t k = 0;
  for (uint32_t i : idx) k += known(records[i]) ? 1 : 0;
  return static_cast<double>(k) / static_cast<double>(idx.size());
}

// Whether the m a run learned for `field` looks like true matches: the
// strongest agreement level (for names, exact and romanised together, since
// the same name in two scripts only agrees after romanisation) is at least
// as likely as any weaker agreement level. A run that "found" namesakes born
// in the same year, say, learns most of its mass on a weak date level and
// almost none on the exact date; such an m would let every namesake through
// and weigh a real match's exact date as weak evidence.
bool PlausibleM(const Model& model, Field field) {
  const int f = static_cast<int>(field);
  const int levels = InfoOf(f).level_count;  // null, agreements..., disagreement
  const bool name = field == Field::kName;
  const double strongest = model.m(f, 1) + (name ? model.m(f, name_level::kRomanized) : 0.0);
  for (int l = name ? 3 : 2; l < levels - 1; ++l) {
    if (model.m(f, l) > strongest) return false;
  }
  return true;
}

bool HasFullDate(const PreparedRecord& r) {
  return r.birth.known() && !r.birth.approximate && r.birth.day != 0;
}
bool HasName(const PreparedRecord& r) { return r.name.bag_hash != 0; }

}  // namespace

uint64_t EstimateU(const std::vector<PreparedRecord>& records, const std::vector<uint8_t>& sides,
                   uint64_t pairs, uint64_t seed, int threads, Model* model) {
  const Sides s = SplitSides(records.size(), sides);
  const bool link = !sides.empty();
  if (s.a.empty() || (link && s.b.empty()) || (!link && s.a.size() < 2)) return 0;
  std::vector<LevelCounts> counts(std::max(1, threads));
  for (auto& c : counts) c = {};
  const uint64_t all_pairs = link ? static_cast<uint64_t>(s.a.size()) * s.b.size()
                                  : static_cast<uint64_t>(s.a.size()) * (s.a.size() - 1) / 2;
  if (all_pairs <= pairs) {
    // Few records: compare every pair instead of sampling.
    const std::vector<uint32_t>& rows = s.a;
    ParallelChunks(rows.size(), threads, 16, [&](int t, size_t begin, size_t end) {
      for (size_t x = begin; x < end; ++x) {
        const size_t y0 = link ? 0 : x + 1;
        const std::vector<uint32_t>& cols = link ? s.b : s.a;
        for (size_t y = y0; y < cols.size(); ++y) {
          const ComparisonVector v = Compare(records[rows[x]], records[cols[y]]);
          AddCounts(v, &counts[t]);
        }
      }
    });
    pairs = 0;  // no sampling below
  }
  const uint64_t compared = pairs == 0 ? all_pairs : pairs;
  const uint64_t chunk = 4096;
  const uint64_t chunks = (pairs + chunk - 1) / chunk;
  ParallelChunks(chunks, threads, 1, [&](int t, size_t begin, size_t end) {
    for (size_t c = begin; c < end; ++c) {
      SplitMix64 rng(seed + c * 0x9E3779B97F4A7C15ull);
      const uint64_t todo = std::min<uint64_t>(chunk, pairs - c * chunk);
      for (uint64_t k = 0; k < todo; ++k) {
        uint32_t i, j;
        if (link) {
          i = s.a[rng.Below(s.a.size())];
          j = s.b[rng.Below(s.b.size())];
        } else {
          i = s.a[rng.Below(s.a.size())];
          do {
            j = s.a[rng.Below(s.a.size())];
          } while (j == i);
        }
        const ComparisonVector v = Compare(records[i], records[j]);
        AddCounts(v, &counts[t]);
      }
    }
  });
  LevelCounts sum{};
  for (const LevelCounts& c : counts) {
    for (int f = 0; f <= kFieldCount; ++f) {
      for (int l = 0; l < kMaxLevels; ++l) sum[f][l] += c[f][l];
    }
  }
  // Place agreement is judged among pairs of one citizenship when there are
  // enough of them: places belong to countries, so random pairs of any
  // citizenship would make a shared place look rarer than it is.
  double same_country = 0;
  for (int l = 1; l < InfoOf(Field::kPlace).level_count; ++l) same_country += sum[kFieldCount][l];
  if (same_country >= kMinConditionalPairs) sum[static_cast<int>(Field::kPlace)] = sum[kFieldCount];
  for (int f = 0; f < kFieldCount; ++f) {
    const int levels = InfoOf(f).level_count;
    double total = 0;
    for (int l = 1; l < levels; ++l) total += sum[f][l];
    if (total < 1) continue;  // the field is never filled on both sides
    for (int l = 1; l < levels; ++l) {
      const double n = sum[f][l];
      // A level never seen among random pairs is rarer than one in `total`.
      const double u = n > 0 ? n / total : std::min(model->u(f, l), 0.5 / total);
      model->SetU(f, l, u);
    }
  }
  // Agreement on an exact value is rare among random pairs, so a sample sees
  // it too seldom to measure; its probability is computed from the value
  // frequencies instead (sum over values of p_a(v) * p_b(v)).
  const double same_original = ValueAgreement(
      records, s, link, [](const PreparedRecord& r) { return r.name.original_hash; });
  const double same_bag =
      ValueAgreement(records, s, link, [](const PreparedRecord& r) { return r.name.bag_hash; });
  const int fn = static_cast<int>(Field::kName);
  if (same_original > 0) model->SetU(fn, name_level::kExact, same_original);
  if (same_bag > same_original) model->SetU(fn, name_level::kRomanized, same_bag - same_original);
  const double same_document = ValueAgreement(records, s, link, [](const PreparedRecord& r) {
    return static_cast<uint64_t>(r.document_hash);
  });
  if (same_document > 0) {
    model->SetU(static_cast<int>(Field::kDocument), id_level::kExact, same_document);
  }
  const double same_birth = ValueAgreement(records, s, link, [](const PreparedRecord& r) {
    const PartialDate& d = r.birth;
    if (!d.known() || d.approximate || d.day == 0) return uint64_t{0};
    return static_cast<uint64_t>(d.year) << 16 | static_cast<uint64_t>(d.month) << 8 |
           static_cast<uint64_t>(d.day);
  });
  if (same_birth > 0) {
    model->SetU(static_cast<int>(Field::kBirthDate), date_level::kExact, same_birth);
  }
  model->Normalize();
  return compared;
}

Result<Model> Train(const std::vector<PreparedRecord>& records, const std::vector<uint8_t>& sides,
                    const Model& start, const TrainingOptions& options, TrainingReport* report) {
  const Sides s = SplitSides(records.size(), sides);
  const bool link = !sides.empty();
  if (records.size() < 2 || s.a.empty() || (link && s.b.empty())) {
    return Status::InvalidArgument("training needs at least two records (one per side to link)");
  }
  TrainingReport local;
  TrainingReport* rep = report ? report : &local;
  Model model = start;
  rep->u_pairs = EstimateU(records, sides, options.u_pairs, options.seed, options.threads, &model);

  // Each run estimates m for the fields it does not block on.
  Model by_date = model;
  Model by_name = model;
  TrainingRun date_run =
      RunRule(records, sides, BlockingRule::kBirthDate, Field::kBirthDate, options, 0.1, &by_date);
  TrainingRun name_run =
      RunRule(records, sides, BlockingRule::kNameBag, Field::kName, options, 0.1, &by_name);
  // Each run's m is checked on the field the other rule blocks on, where it
  // is filled on most records (otherwise its strongest level is rare for
  // matches too, and the check would say nothing).
  auto check = [&](TrainingRun* run, const Model& learned, Field field,
                   bool (*known)(const PreparedRecord&)) {
    const std::vector<uint32_t>& other_side = link ? s.b : s.a;
    if (!run->used || KnownShare(records, s.a, known) < 0.5 ||
        KnownShare(records, other_side, known) < 0.5)
      return;
    if (!PlausibleM(learned, field)) {
      run->used = false;
      run->implausible = true;
    }
  };
  check(&date_run, by_date, Field::kName, HasName);
  check(&name_run, by_name, Field::kBirthDate, HasFullDate);
  rep->runs = {date_run, name_run};
  for (int f = 0; f < kFieldCount; ++f) {
    const bool from_date = date_run.used && f != static_cast<int>(Field::kBirthDate);
    const bool from_name = name_run.used && f != static_cast<int>(Field::kName);
    for (int l = 1; l < InfoOf(f).level_count; ++l) {
      // m below kMinTrainedM is an artefact of few pairs at that level; a
      // floor keeps one unusual level from vetoing a match on its own.
      if (from_date && from_name) {
        model.SetM(f, l, std::max(kMinTrainedM, 0.5 * (by_date.m(f, l) + by_name.m(f, l))));
      } else if (from_date) {
        model.SetM(f, l, std::max(kMinTrainedM, by_date.m(f, l)));
      } else if (from_name) {
        model.SetM(f, l, std::max(kMinTrainedM, by_name.m(f, l)));
      }
    }
  }
  model.Normalize();

  // Prior: matches found by each run, divided by the share of all matches
  // the run can find.
  const double total_pairs =
      link ? static_cast<double>(s.a.size()) * static_cast<double>(s.b.size())
           : 0.5 * static_cast<double>(s.a.size()) * static_cast<double>(s.a.size() - 1);
  std::vector<double> estimates;
  auto add_estimate = [&](const TrainingRun& run, double recall) {
    if (!run.used || recall <= 1e-6) return;
    const double matches = run.lambda * static_cast<double>(run.pairs) / recall;
    estimates.push_back(std::clamp(matches / total_pairs, 1e-12, 0.5));
  };
  const std::vector<uint32_t>& other = link ? s.b : s.a;
  const int fd = static_cast<int>(Field::kBirthDate);
  const int fn = static_cast<int>(Field::kName);
  add_estimate(date_run, model.m(fd, date_level::kExact) * KnownShare(records, s.a, HasFullDate) *
                             KnownShare(records, other, HasFullDate));
  add_estimate(name_run, (model.m(fn, name_level::kExact) + model.m(fn, name_level::kRomanized)) *
                             KnownShare(records, s.a, HasName) *
                             KnownShare(records, other, HasName));
  if (!estimates.empty()) {
    double log_sum = 0;
    for (double e : estimates) log_sum += std::log(e);
    model.SetPrior(std::exp(log_sum / static_cast<double>(estimates.size())));
  }
  rep->prior = model.prior();
  return model;
}

std::string TrainingReport::ToString() const {
  std::string out;
  char buf[256];
  std::snprintf(buf, sizeof(buf), "u from %llu random pairs\n",
                static_cast<unsigned long long>(u_pairs));
  out += buf;
  for (const TrainingRun& r : runs) {
    std::snprintf(buf, sizeof(buf),
                  "EM blocked on %s: %llu pairs, %llu used, lambda %.6f, %d iterations%s%s\n",
                  std::string(RuleName(r.rule)).c_str(), static_cast<unsigned long long>(r.pairs),
                  static_cast<unsigned long long>(r.sampled), r.lambda, r.iterations,
                  r.converged ? ", converged" : "",
                  r.implausible ? " (implausible m: not used)"
                  : r.used      ? ""
                                : " (too few pairs or matches: not used)");
    out += buf;
  }
  std::snprintf(buf, sizeof(buf), "prior %.3g\n", prior);
  out += buf;
  return out;
}

}  // namespace trm::match
