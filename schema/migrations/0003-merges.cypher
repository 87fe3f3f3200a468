// Merges of entities (src/graph/merge.ts): the record of each merge, and a redirect per merged-away
// id so that old ids keep resolving.
CREATE CONSTRAINT merge_id IF NOT EXISTS FOR (n:Merge) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT redirect_id IF NOT EXISTS FOR (n:Redirect) REQUIRE n.id IS UNIQUE;
