// Owns the server bundle's entry point.
import { startServer } from './server';

startServer();
