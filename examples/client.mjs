// A website's back end talking to Attendant: spawn `attendant serve`, send JSON Lines, read replies.
// usage: node examples/client.mjs [PATH/TO/attendant] [--content DIR]
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";

const [binary = "attendant", ...rest] = process.argv.slice(2);
const bot = spawn(binary, ["serve", ...rest], { stdio: ["pipe", "pipe", "inherit"] });
const replies = createInterface({ input: bot.stdout })[Symbol.asyncIterator]();

// The bridge answers every line, in order, so each request's reply is the next line.
async function ask(request) {
  bot.stdin.write(JSON.stringify(request) + "\n");
  return JSON.parse((await replies.next()).value);
}

const questions = ["where is my parcel?", "siparişim nerede?", "I want to talk to a person"];
for (const [n, text] of questions.entries()) {
  const reply = await ask({ id: n, session: "visitor-7", text, timeZone: "Asia/Jakarta" });
  console.log(`[${reply.type} ${reply.language} ${reply.intent} ${reply.confidence.toFixed(2)}] ${reply.text.slice(0, 60)}`);
  if (reply.escalation) console.log(`  escalation ${reply.escalation.id} for team ${reply.escalation.assignment?.team ?? 'none yet'}`);
}
const bad = await ask({ id: "bad", session: "visitor-7" });
console.log(`[${bad.type}] ${bad.error.code}: ${bad.error.message}`);
bot.stdin.end();
bot.on("exit", (code) => process.exit(code ?? 1));
