#include "match/model.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace trm::match {
namespace {

constexpr double kMinProbability = 1e-9;
constexpr double kMaxTfAdjustment = 10.0;  // bits, either way
constexpr double kTfPseudoRecords = 1000.0;

struct DefaultLevels {
  Field field;
  std::array<double, kMaxLevels> m, u;
};

// Starting values: m from experience with registration data (typos, missing
// parts), u roughly what random pairs in a large regional data set show.
const DefaultLevels kDefaults[] = {
    {Field::kName,
     {0, 0.45, 0.25, 0.10, 0.07, 0.04, 0.04, 0.03, 0.02},
     {0, 1e-5, 1e-5, 5e-5, 2e-4, 1e-3, 1e-4, 1e-2, 0.98864}},
    {Field::kBirthDate,
     {0, 0.60, 0.05, 0.08, 0.05, 0.12, 0.06, 0.02, 0.02},
     {0, 3e-5, 2e-4, 3e-4, 0.015, 0.04, 0.08, 0.08, 0.78447}},
    {Field::kSex, {0, 0.97, 0.03}, {0, 0.5, 0.5}},
    {Field::kCitizenship, {0, 0.95, 0.05}, {0, 0.3, 0.7}},
    {Field::kPlace, {0, 0.60, 0.15, 0.25}, {0, 0.02, 0.02, 0.96}},
    {Field::kPhone, {0, 0.60, 0.05, 0.35}, {0, 1e-6, 1e-5, 0.999989}},
    {Field::kDocument, {0, 0.70, 0.08, 0.22}, {0, 1e-7, 1e-6, 0.9999989}},
};

int FieldIndex(std::string_view name) {
  for (int f = 0; f < kFieldCount; ++f) {
    if (InfoOf(f).name == name) return f;
  }
  return -1;
}

int LevelIndex(int field, std::string_view name) {
  const FieldInfo& info = InfoOf(field);
  for (int l = 1; l < info.level_count; ++l) {
    if (info.level_names[l] == name) return l;
  }
  return -1;
}

}  // namespace

const char* DecisionName(Decision d) {
  switch (d) {
    case Decision::kSame:
      return "same";
    case Decision::kReview:
      return "review";
    case Decision::kDifferent:
      return "different";
  }
  return "different";
}

Model Model::Default() {
  Model model;
  for (const DefaultLevels& d : kDefaults) {
    const int f = static_cast<int>(d.field);
    model.m_[f] = d.m;
    model.u_[f] = d.u;
  }
  model.Normalize();
  return model;
}

void Model::SetM(int field, int level, double m) {
  m_[field][level] = std::clamp(m, kMinProbability, 1.0);
  Recompute();
}

void Model::SetU(int field, int level, double u) {
  u_[field][level] = std::clamp(u, kMinProbability, 1.0);
  Recompute();
}

void Model::SetPrior(double prior) {
  prior_ = std::clamp(prior, 1e-12, 0.5);
  Recompute();
}

void Model::SetThresholds(double same, double review) {
  threshold_same_ = same;
  threshold_review_ = review;
}

void Model::Normalize() {
  for (int f = 0; f < kFieldCount; ++f) {
    const int n = InfoOf(f).level_count;
    double sm = 0, su = 0;
    for (int l = 1; l < n; ++l) {
      m_[f][l] = std::max(m_[f][l], kMinProbability);
      u_[f][l] = std::max(u_[f][l], kMinProbability);
      sm += m_[f][l];
      su += u_[f][l];
    }
    for (int l = 1; l < n; ++l) {
      m_[f][l] /= sm;
      u_[f][l] /= su;
    }
  }
  Recompute();
}

// Pairs (stronger, weaker) of levels whose weights must not be inverted:
// estimates from few pairs can otherwise make a typo count for more than an
// exact match. Listed so that one pass propagates along each chain.
struct LevelOrder {
  Field field;
  uint8_t stronger, weaker;
};
constexpr LevelOrder kLevelOrder[] = {
    {Field::kName, name_level::kExact, name_level::kRomanized},
    {Field::kName, name_level::kRomanized, name_level::kClose},
    {Field::kName, name_level::kClose, name_level::kPhonetic},
    {Field::kName, name_level::kPhonetic, name_level::kSimilar},
    {Field::kName, name_level::kPhonetic, name_level::kSubset},
    {Field::kName, name_level::kSubset, name_level::kPartial},
    {Field::kName, name_level::kSimilar, name_level::kPartial},
    {Field::kName, name_level::kPartial, name_level::kDifferent},
    {Field::kBirthDate, date_level::kExact, date_level::kConsistent},
    {Field::kBirthDate, date_level::kExact, date_level::kTypo},
    {Field::kBirthDate, date_level::kConsistent, date_level::kSameYear},
    {Field::kBirthDate, date_level::kTypo, date_level::kSameYear},
    {Field::kBirthDate, date_level::kSameYear, date_level::kWithin1},
    {Field::kBirthDate, date_level::kWithin1, date_level::kWithin3},
    {Field::kBirthDate, date_level::kWithin3, date_level::kWithin5},
    {Field::kBirthDate, date_level::kWithin5, date_level::kDifferent},
    {Field::kSex, simple_level::kSame, simple_level::kDifferent},
    {Field::kCitizenship, simple_level::kSame, simple_level::kDifferent},
    {Field::kPlace, place_level::kExact, place_level::kSimilar},
    {Field::kPlace, place_level::kSimilar, place_level::kDifferent},
    {Field::kPhone, id_level::kExact, id_level::kOneEdit},
    {Field::kPhone, id_level::kOneEdit, id_level::kDifferent},
    {Field::kDocument, id_level::kExact, id_level::kOneEdit},
    {Field::kDocument, id_level::kOneEdit, id_level::kDifferent},
};

void Model::Recompute() {
  for (int f = 0; f < kFieldCount; ++f) {
    weight_[f][0] = 0.0;
    for (int l = 1; l < InfoOf(f).level_count; ++l) {
      weight_[f][l] =
          std::log2(std::max(m_[f][l], kMinProbability) / std::max(u_[f][l], kMinProbability));
    }
  }
  for (const LevelOrder& o : kLevelOrder) {
    auto& w = weight_[static_cast<int>(o.field)];
    w[o.weaker] = std::min(w[o.weaker], w[o.stronger]);
  }
  prior_weight_ = std::log2(prior_ / (1.0 - prior_));
}

// How often a random record agrees with `a` on the name (or on the agreeing
// tokens), from the data's counts. The record itself is not counted, and
// kTfPseudoRecords records at the level's average rate are added, so that
// small data sets (where duplicates of one person are much of a name's count)
// move the weight little.
double Model::NameTfAdjustment(const ComparisonVector& v, const PreparedName& a,
                               const PreparedName& b, const TermFrequencies* tf) const {
  if (!name_tf_ || tf == nullptr || tf->records() == 0) return 0.0;
  const int f = static_cast<int>(Field::kName);
  const uint8_t level = v.level[f];
  const double n = static_cast<double>(tf->records());
  auto smoothed = [&](uint32_t count, double prior_share) {
    const double others = count > 0 ? count - 1.0 : 0.0;
    return (others + kTfPseudoRecords * prior_share) / (n + kTfPseudoRecords);
  };
  // How common the agreeing tokens of one name are (a token that agreed only
  // nearly counts as common as its spelling or its sound, whichever is more so).
  auto token_share = [&](const PreparedName& name, uint32_t exact, uint32_t fuzzy,
                         double per_token) {
    double share = 1.0;
    for (int i = 0; i < name.count; ++i) {
      if (exact >> i & 1u) {
        share *= smoothed(tf->TokenCount(name.token_hash[i]), per_token);
      } else if (fuzzy >> i & 1u) {
        share *= smoothed(
            std::max(tf->TokenCount(name.token_hash[i]), tf->PhoneticCount(name.phonetic_hash[i])),
            per_token);
      }
    }
    return share;
  };
  double u_level = u_[f][level];
  double share;
  bool down_only = false;
  switch (level) {
    case name_level::kExact:
    case name_level::kRomanized:
      if (a.bag_hash == 0) return 0.0;
      // Name counts span scripts (they count records by romanised name), so
      // both levels are measured against the rate at which random pairs share
      // the romanised name: the exact level's u plus the romanised level's.
      // The romanised level's u alone is only the share agreeing through
      // romanisation and not as written (near 0 in mostly Latin data); against
      // it every name would look common and lose up to kMaxTfAdjustment bits.
      u_level = u_[f][name_level::kExact] + u_[f][name_level::kRomanized];
      share = smoothed(tf->NameCount(a.bag_hash), u_level);
      break;
    case name_level::kClose:
    case name_level::kPhonetic:
    case name_level::kSimilar:
      down_only = true;
      [[fallthrough]];
    case name_level::kSubset:
    case name_level::kPartial: {
      const int k = std::max(__builtin_popcount(v.name_exact_a | v.name_fuzzy_a),
                             __builtin_popcount(v.name_exact_b | v.name_fuzzy_b));
      if (k == 0) return 0.0;
      const double per_token = std::pow(u_level, 1.0 / k);
      share = std::max(token_share(a, v.name_exact_a, v.name_fuzzy_a, per_token),
                       token_share(b, v.name_exact_b, v.name_fuzzy_b, per_token));
      break;
    }
    default:
      return 0.0;
  }
  double adj = std::log2(u_level / std::max(share, 1e-300));
  if (down_only) adj = std::min(adj, 0.0);
  return std::clamp(adj, -kMaxTfAdjustment, kMaxTfAdjustment);
}

double Model::ScoreWeight(const ComparisonVector& v, const PreparedName& a, const PreparedName& b,
                          const TermFrequencies* tf) const {
  double w = prior_weight_;
  for (int f = 0; f < kFieldCount; ++f) w += weight_[f][v.level[f]];
  return w + NameTfAdjustment(v, a, b, tf);
}

double Model::Probability(double weight) {
  if (weight > 60) return 1.0;
  if (weight < -60) return 0.0;
  const double odds = std::exp2(weight);
  return odds / (1.0 + odds);
}

Decision Model::Decide(double probability) const {
  if (probability >= threshold_same_) return Decision::kSame;
  if (probability >= threshold_review_) return Decision::kReview;
  return Decision::kDifferent;
}

Explanation Model::Explain(const ComparisonVector& v, const PreparedName& a, const PreparedName& b,
                           const TermFrequencies* tf) const {
  Explanation e;
  e.prior_weight = prior_weight_;
  e.total_weight = prior_weight_;
  for (int f = 0; f < kFieldCount; ++f) {
    FieldContribution c{static_cast<Field>(f), v.level[f], weight_[f][v.level[f]], 0.0};
    if (static_cast<Field>(f) == Field::kName) c.tf_adjustment = NameTfAdjustment(v, a, b, tf);
    e.total_weight += c.weight + c.tf_adjustment;
    e.fields.push_back(c);
  }
  e.probability = Probability(e.total_weight);
  e.decision = Decide(e.probability);
  return e;
}

std::string Explanation::ToString() const {
  std::string out;
  char buf[160];
  std::snprintf(buf, sizeof(buf), "prior %+.2f\n", prior_weight);
  out += buf;
  for (const FieldContribution& c : fields) {
    const FieldInfo& info = InfoOf(c.field);
    if (c.tf_adjustment != 0.0) {
      std::snprintf(buf, sizeof(buf), "%s: %s %+.2f (tf %+.2f)\n", info.name.data(),
                    info.level_names[c.level].data(), c.weight, c.tf_adjustment);
    } else {
      std::snprintf(buf, sizeof(buf), "%s: %s %+.2f\n", info.name.data(),
                    info.level_names[c.level].data(), c.weight);
    }
    out += buf;
  }
  std::snprintf(buf, sizeof(buf), "total %+.2f probability %.6f decision %s\n", total_weight,
                probability, DecisionName(decision));
  out += buf;
  return out;
}

std::string Model::Serialize() const {
  std::string out = "# trm match model v1: Fellegi-Sunter m and u per field and level\n";
  char buf[200];
  std::snprintf(buf, sizeof(buf),
                "prior\t%.9g\nthreshold_same\t%.6g\nthreshold_review\t%.6g\n"
                "name_tf\t%d\n",
                prior_, threshold_same_, threshold_review_, name_tf_ ? 1 : 0);
  out += buf;
  for (int f = 0; f < kFieldCount; ++f) {
    const FieldInfo& info = InfoOf(f);
    for (int l = 1; l < info.level_count; ++l) {
      std::snprintf(buf, sizeof(buf), "level\t%s\t%s\t%.9g\t%.9g\n", info.name.data(),
                    info.level_names[l].data(), m_[f][l], u_[f][l]);
      out += buf;
    }
  }
  return out;
}

Result<Model> Model::Parse(std::string_view text) {
  Model model = Default();
  std::istringstream in{std::string(text)};
  std::string line;
  int line_no = 0;
  auto error = [&](const std::string& why) {
    return Status::InvalidArgument("model line " + std::to_string(line_no) + ": " + why);
  };
  double same = model.threshold_same_, review = model.threshold_review_;
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    std::istringstream ls(line);
    std::string col;
    while (std::getline(ls, col, '\t')) cols.push_back(col);
    auto number = [&](const std::string& s, double* out) {
      char* end = nullptr;
      *out = std::strtod(s.c_str(), &end);
      return end != s.c_str() && *end == '\0' && std::isfinite(*out);
    };
    double x;
    if (cols[0] == "prior" && cols.size() == 2 && number(cols[1], &x)) {
      if (x <= 0 || x >= 1) return error("prior must be in (0, 1)");
      model.prior_ = x;
    } else if (cols[0] == "threshold_same" && cols.size() == 2 && number(cols[1], &x)) {
      same = x;
    } else if (cols[0] == "threshold_review" && cols.size() == 2 && number(cols[1], &x)) {
      review = x;
    } else if (cols[0] == "name_tf" && cols.size() == 2) {
      model.name_tf_ = cols[1] == "1";
    } else if (cols[0] == "level" && cols.size() == 5) {
      const int f = FieldIndex(cols[1]);
      if (f < 0) return error("unknown field " + cols[1]);
      const int l = LevelIndex(f, cols[2]);
      if (l < 0) return error("unknown level " + cols[2]);
      double m, u;
      if (!number(cols[3], &m) || !number(cols[4], &u) || m <= 0 || m > 1 || u <= 0 || u > 1) {
        return error("m and u must be numbers in (0, 1]");
      }
      model.m_[f][l] = m;
      model.u_[f][l] = u;
    } else {
      return error("unrecognised line");
    }
  }
  if (!(review > 0 && review <= same && same < 1)) {
    return Status::InvalidArgument("thresholds must satisfy 0 < review <= same < 1");
  }
  model.threshold_same_ = same;
  model.threshold_review_ = review;
  model.Normalize();
  return model;
}

Result<Model> Model::Load(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::NotFound("cannot read model " + path);
  std::ostringstream buf;
  buf << in.rdbuf();
  return Parse(buf.str());
}

}  // namespace trm::match
