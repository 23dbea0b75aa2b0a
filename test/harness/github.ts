/** GitHub-shaped webhook deliveries for tests; they live in infra/local so `npm start` sends the same ones. */
export { githubDelivery, pushPayload, signGithubPayload, type GithubDelivery } from '../../infra/local/github-delivery.js';
