// Integration tests talk to a real database and real processes: allow them a minute.
jest.setTimeout(60_000);
