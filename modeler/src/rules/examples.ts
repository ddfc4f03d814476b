/** The food business licence tables (rules/examples/food-licence), bundled as text to start from. */
import acceptance from '../../../rules/examples/food-licence/acceptance.yaml';
import deadlines from '../../../rules/examples/food-licence/deadlines.yaml';
import fees from '../../../rules/examples/food-licence/fees.yaml';
import lights from '../../../rules/examples/food-licence/lights.yaml';
import materials from '../../../rules/examples/food-licence/materials.yaml';
import specialProcedures from '../../../rules/examples/food-licence/special-procedures.yaml';

/** Example table files by file name. */
export const EXAMPLE_TABLES: Readonly<Record<string, string>> = {
  'acceptance.yaml': acceptance,
  'materials.yaml': materials,
  'deadlines.yaml': deadlines,
  'fees.yaml': fees,
  'lights.yaml': lights,
  'special-procedures.yaml': specialProcedures,
};
