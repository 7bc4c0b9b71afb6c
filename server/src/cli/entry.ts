// Owns the CLI bundle's entry point.
import { runCli } from './main';

runCli();
