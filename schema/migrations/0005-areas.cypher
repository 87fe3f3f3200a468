// Popolo Areas (constituencies, provinces) are entities with their own ids; their identifiers are
// matched like people's and organisations' (see 0004).
CREATE CONSTRAINT area_id IF NOT EXISTS FOR (n:Area) REQUIRE n.id IS UNIQUE;
CREATE TEXT INDEX area_identifier_text IF NOT EXISTS FOR (n:Area) ON (n.identifierText);
