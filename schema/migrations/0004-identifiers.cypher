// Identifiers (scheme:value, e.g. viwiki:19498354, wikidata:Q42) are matched first in entity
// resolution. Neo4j indexes no list elements, so each entity also stores them as one string
// "|viwiki:19498354|wikidata:Q42|" (identifierText), which a text index serves for CONTAINS.
CREATE TEXT INDEX person_identifier_text IF NOT EXISTS FOR (n:Person) ON (n.identifierText);
CREATE TEXT INDEX organization_identifier_text IF NOT EXISTS FOR (n:Organization) ON (n.identifierText);
// An import's record of a dataset file read whole (its digest: an unchanged file is not read again).
CREATE CONSTRAINT dataset_id IF NOT EXISTS FOR (n:Dataset) REQUIRE n.id IS UNIQUE;
