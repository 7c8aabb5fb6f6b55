// Preloaded into a measured child process (node -r): writes its peak RSS (KB) to $VIGIL_PEAK_RSS_FILE on exit.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (process.env.VIGIL_PEAK_RSS_FILE) writeFileSync(process.env.VIGIL_PEAK_RSS_FILE, String(process.resourceUsage().maxRSS));
});
