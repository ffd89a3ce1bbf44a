-- Lets one GIN index combine tenant_id with trigram text and arrays (decision 0008).
CREATE EXTENSION IF NOT EXISTS btree_gin;
