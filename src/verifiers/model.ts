/** The designer's and analyzer's chat call: the shared one in src/agent/openai. */
export { chat, type ChatEndpoint, type ChatReply } from '../agent/openai/chat.js';
