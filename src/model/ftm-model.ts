// The FollowTheMoney model as published by its maintainers (@alephdata/followthemoney's
// defaultModel): its schemata, their inheritance and properties. The importer reads which schema
// maps to which model type from it; the export is checked against it (src/export/ftm-check.ts).
import { defaultModel, Model } from '@alephdata/followthemoney';

export const ftmModel = new Model(defaultModel);

/** The schema of that name, or undefined for a schema the model does not know (getSchema throws). */
export function ftmSchema(name: string): ReturnType<Model['getSchema']> | undefined {
  try {
    return ftmModel.getSchema(name);
  } catch {
    return undefined;
  }
}
