// Every node type has a stable, unique id (see docs/facts-format.md, "IDs").
// Entities
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT organization_id IF NOT EXISTS FOR (n:Organization) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT position_id IF NOT EXISTS FOR (n:Position) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT rank_id IF NOT EXISTS FOR (n:Rank) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT award_id IF NOT EXISTS FOR (n:Award) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
// Facts
CREATE CONSTRAINT occupancy_id IF NOT EXISTS FOR (n:Occupancy) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT rank_holding_id IF NOT EXISTS FOR (n:RankHolding) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT participation_id IF NOT EXISTS FOR (n:Participation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT conferral_id IF NOT EXISTS FOR (n:Conferral) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT membership_id IF NOT EXISTS FOR (n:Membership) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT subordination_id IF NOT EXISTS FOR (n:Subordination) REQUIRE n.id IS UNIQUE;
// Bookkeeping
CREATE CONSTRAINT schema_migration_version IF NOT EXISTS FOR (n:SchemaMigration) REQUIRE n.version IS UNIQUE;
// Every entity and every fact also carries :Entity or :Fact, so node(id) and references resolve
// through one index whatever the type.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT fact_id IF NOT EXISTS FOR (n:Fact) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT ingestion_id IF NOT EXISTS FOR (n:Ingestion) REQUIRE n.id IS UNIQUE;
