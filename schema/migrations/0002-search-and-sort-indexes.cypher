// Full-text search over application-folded names (src/text/fold.ts) and, for people, the titles of
// the posts they hold or held (postText). The analyzer keeps stop words: English stop-word lists
// would drop Vietnamese syllables such as An, Thế, Tô, Bế, Ôn.
CREATE FULLTEXT INDEX search_names IF NOT EXISTS FOR (n:Person|Organization|Event) ON EACH [n.searchText, n.postText]
  OPTIONS { indexConfig: { `fulltext.analyzer`: 'standard-no-stop-words' } };
// Sorting and keyset pagination of lists.
CREATE INDEX person_name_folded IF NOT EXISTS FOR (n:Person) ON (n.nameFolded);
CREATE INDEX organization_name_folded IF NOT EXISTS FOR (n:Organization) ON (n.nameFolded);
CREATE INDEX event_valid_from IF NOT EXISTS FOR (n:Event) ON (n.validFrom);
CREATE INDEX organization_classification IF NOT EXISTS FOR (n:Organization) ON (n.classification);
