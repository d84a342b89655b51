#include "service/answer_cache.h"

#include <utility>

namespace trm::service {

AnswerCache::AnswerCache(store::Store& store, Clock& clock, size_t max_bytes)
    : store_(store), clock_(clock), max_bytes_(max_bytes) {}

std::string AnswerCache::Key(const Actor& actor, const std::string& question) {
  std::string key = std::to_string(actor.user_id);
  key += '/';
  key += std::to_string(actor.organisation_id);
  key += '/';
  key += domain::Name(actor.role);
  key += ' ';
  key += question;
  return key;
}

std::optional<AnswerCache::Repeat> AnswerCache::Find(const Actor& actor,
                                                     const std::string& question) {
  const std::optional<uint64_t> now_at = store_.Generation();
  if (!now_at) return std::nullopt;
  Kept found;
  {
    std::lock_guard lock(mu_);
    if (generation_ != *now_at || kept_.empty()) return std::nullopt;
    auto it = kept_.find(Key(actor, question));
    if (it == kept_.end()) return std::nullopt;
    found = it->second;
  }
  store::PendingCommit audit = AuditReadLater(store_, actor, clock_.Now(), found.record);
  return Repeat{std::move(found.body), std::move(audit)};
}

void AnswerCache::Keep(const Actor& actor, const std::string& question, uint64_t generation,
                       std::string body, ReadRecord record) {
  const size_t size = body.size() + question.size() + record.record_id.size();
  if (store_.Generation() != generation) return;  // moved on already
  std::lock_guard lock(mu_);
  if (size > max_bytes_ / 4) return;
  if (generation < generation_) return;  // an older answer: something changed since
  if (generation > generation_ || bytes_ + size > max_bytes_) {
    // Everything kept is from before a change (or there is no room): start over.
    kept_.clear();
    bytes_ = 0;
    generation_ = generation;
  }
  auto [it, added] = kept_.try_emplace(
      Key(actor, question), Kept{std::make_shared<const std::string>(std::move(body)), std::move(record)});
  if (added) bytes_ += size;
}

void AnswerCache::Resize(size_t max_bytes) {
  std::lock_guard lock(mu_);
  kept_.clear();
  bytes_ = 0;
  max_bytes_ = max_bytes;
}

size_t AnswerCache::size() const {
  std::lock_guard lock(mu_);
  return kept_.size();
}

}  // namespace trm::service
