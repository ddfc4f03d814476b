/** The food business licence tables (rules/examples/food-licence), bundled as text to start from. */
import acceptance from '../../../rules/examples/food-licence/acceptance.yaml';
import fees from '../../../rules/examples/food-licence/fees.yaml';
import materials from '../../../rules/examples/food-licence/materials.yaml';
import specialProcedures from '../../../rules/examples/food-licence/special-procedures.yaml';

/** Example table files by file name. */
export const EXAMPLE_TABLES: Readonly<Record<string, string>> = {
  'acceptance.yaml': acceptance,
  'materials.yaml': materials,
  'fees.yaml': fees,
  'special-procedures.yaml': specialProcedures,
};
