/** The sandbox phone page: the shell with every registered app (bundled by src/sandbox/page). */
import { APPS } from '../apps/index.js';
import { boot } from './dom/boot.js';

boot(APPS);
