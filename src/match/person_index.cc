#include "match/person_index.h"

#include <algorithm>
#include <cmath>
#include <mutex>

#include "match/blocking.h"
#include "match/comparison.h"

namespace trm::match {
namespace {

thread_local size_t last_candidate_count = 0;

size_t StringHeap(const std::string& s) { return s.capacity() > 15 ? s.capacity() + 1 : 0; }

}  // namespace

PersonIndex::PersonIndex(const Engine* engine, Model model, IndexOptions options)
    : engine_(engine), options_(options), model_(std::move(model)) {
  offsets_.push_back(0);
}

size_t PersonIndex::TEST_LastCandidateCount() { return last_candidate_count; }

void PersonIndex::KeysOf(const PreparedRecord& r, std::vector<uint64_t>* keys) const {
  keys->clear();
  for (BlockingRule rule : PredictionRules()) AppendBlockingKeys(rule, r, keys);
}

Status PersonIndex::Add(const Record& record) {
  if (record.id.empty()) return Status::InvalidArgument("empty id", "id");
  ASSIGN_OR_RETURN(PreparedRecord prepared, engine_->Prepare(record));
  return Add(record.id, std::move(prepared));
}

Status PersonIndex::Add(const std::string& id, PreparedRecord record) {
  if (id.empty()) return Status::InvalidArgument("empty id", "id");
  std::vector<uint64_t> keys;
  KeysOf(record, &keys);
  std::unique_lock lock(mu_);
  auto it = by_id_.find(id);
  if (it != by_id_.end()) {
    live_[it->second] = false;
    --live_count_;
    tf_.Remove(records_[it->second].name);
  }
  const uint32_t slot = static_cast<uint32_t>(records_.size());
  tf_.Add(record.name);
  records_.push_back(std::move(record));
  ids_.push_back(id);
  live_.push_back(true);
  ++live_count_;
  by_id_[id] = slot;
  for (uint64_t k : keys) pending_[k].push_back(slot);
  pending_entries_ += keys.size();
  if (pending_entries_ >= options_.compact_after) CompactLocked();
  return Status::Ok();
}

Status PersonIndex::Remove(const std::string& id) {
  std::unique_lock lock(mu_);
  auto it = by_id_.find(id);
  if (it == by_id_.end()) return Status::NotFound("no record with id " + id);
  live_[it->second] = false;
  --live_count_;
  tf_.Remove(records_[it->second].name);
  by_id_.erase(it);
  return Status::Ok();
}

void PersonIndex::Compact() {
  std::unique_lock lock(mu_);
  CompactLocked();
}

void PersonIndex::CompactLocked() {
  std::vector<std::pair<uint64_t, uint32_t>> all;
  all.reserve(posting_ids_.size() + pending_entries_);
  for (size_t k = 0; k < keys_.size(); ++k) {
    for (uint32_t x = offsets_[k]; x < offsets_[k + 1]; ++x) {
      if (live_[posting_ids_[x]]) all.push_back({keys_[k], posting_ids_[x]});
    }
  }
  for (const auto& [key, slots] : pending_) {
    for (uint32_t slot : slots) {
      if (live_[slot]) all.push_back({key, slot});
    }
  }
  pending_.clear();
  pending_entries_ = 0;
  std::sort(all.begin(), all.end());
  keys_.clear();
  offsets_.assign(1, 0);
  posting_ids_.clear();
  posting_ids_.reserve(all.size());
  for (size_t x = 0; x < all.size(); ++x) {
    if (x == 0 || all[x].first != all[x - 1].first) {
      if (x != 0) offsets_.push_back(static_cast<uint32_t>(posting_ids_.size()));
      keys_.push_back(all[x].first);
    }
    posting_ids_.push_back(all[x].second);
  }
  if (!keys_.empty()) offsets_.push_back(static_cast<uint32_t>(posting_ids_.size()));
  keys_.shrink_to_fit();
  offsets_.shrink_to_fit();
  posting_ids_.shrink_to_fit();
}

Result<std::vector<QueryMatch>> PersonIndex::Query(const Record& query,
                                                   const QueryOptions& options) const {
  ASSIGN_OR_RETURN(PreparedRecord prepared, engine_->Prepare(query));
  return Query(prepared, options);
}

std::vector<QueryMatch> PersonIndex::Query(const PreparedRecord& query,
                                           const QueryOptions& options) const {
  std::vector<uint64_t> keys;
  KeysOf(query, &keys);
  std::shared_lock lock(mu_);
  std::vector<uint32_t> candidates;
  for (uint64_t key : keys) {
    size_t begin = 0, end = 0;
    auto it = std::lower_bound(keys_.begin(), keys_.end(), key);
    if (it != keys_.end() && *it == key) {
      const size_t k = static_cast<size_t>(it - keys_.begin());
      begin = offsets_[k];
      end = offsets_[k + 1];
    }
    auto p = pending_.find(key);
    const size_t pending = p == pending_.end() ? 0 : p->second.size();
    if (end - begin + pending > options_.max_posting) continue;
    candidates.insert(candidates.end(), posting_ids_.begin() + static_cast<long>(begin),
                      posting_ids_.begin() + static_cast<long>(end));
    if (pending) candidates.insert(candidates.end(), p->second.begin(), p->second.end());
  }
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  last_candidate_count = candidates.size();

  const double min_p = options.min_probability.value_or(model_.threshold_review());
  const double min_weight = std::log2(min_p / (1.0 - min_p));
  struct Hit {
    uint32_t slot;
    double weight;
    ComparisonVector v;
  };
  std::vector<Hit> hits;
  for (uint32_t slot : candidates) {
    if (!live_[slot]) continue;
    const ComparisonVector v = Compare(query, records_[slot]);
    const double w = model_.ScoreWeight(v, query.name, records_[slot].name, &tf_);
    if (w >= min_weight) hits.push_back({slot, w, v});
  }
  const size_t k = std::min(options.limit, hits.size());
  std::partial_sort(hits.begin(), hits.begin() + static_cast<long>(k), hits.end(),
                    [](const Hit& a, const Hit& b) { return a.weight > b.weight; });
  std::vector<QueryMatch> out;
  for (size_t x = 0; x < k; ++x) {
    QueryMatch m;
    m.id = ids_[hits[x].slot];
    m.weight = hits[x].weight;
    m.probability = Model::Probability(m.weight);
    m.decision = model_.Decide(m.probability);
    if (options.explain)
      m.explanation = model_.Explain(hits[x].v, query.name, records_[hits[x].slot].name, &tf_);
    out.push_back(std::move(m));
  }
  return out;
}

void PersonIndex::SetModel(Model model) {
  std::unique_lock lock(mu_);
  model_ = std::move(model);
}

size_t PersonIndex::size() const {
  std::shared_lock lock(mu_);
  return live_count_;
}

size_t PersonIndex::MemoryBytes() const {
  std::shared_lock lock(mu_);
  size_t bytes = records_.capacity() * sizeof(PreparedRecord) +
                 ids_.capacity() * sizeof(std::string) + live_.capacity() / 8 +
                 keys_.capacity() * sizeof(uint64_t) + offsets_.capacity() * sizeof(uint32_t) +
                 posting_ids_.capacity() * sizeof(uint32_t);
  for (const PreparedRecord& r : records_) {
    bytes += StringHeap(r.name.text) + StringHeap(r.place) + StringHeap(r.phone) +
             StringHeap(r.document);
  }
  for (const std::string& id : ids_) bytes += StringHeap(id);
  // Hash map of ids: about one node (key, value, next, hash) and a bucket each.
  bytes += by_id_.size() * (sizeof(std::string) + 8 + 8 + 8 + 8);
  for (const auto& [key, slots] : pending_) bytes += 48 + slots.capacity() * sizeof(uint32_t);
  return bytes;
}

}  // namespace trm::match
