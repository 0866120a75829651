import { x } from "./api.js"; console.log(x);
