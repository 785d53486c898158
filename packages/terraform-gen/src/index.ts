export { renderJSON } from './render-json.js';
