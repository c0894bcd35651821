/** A progress bar on a terminal; plain lines otherwise (CI logs, pipes). */
export function progressPrinter(stream: NodeJS.WriteStream = process.stderr, minRows = 2000) {
  let lastLine = 0;
  return (done: number, total: number, phase: "check" | "write") => {
    if (total < minRows) return;
    const label = phase === "check" ? "確認中" : "書き込み中";
    if (stream.isTTY) {
      const width = 30;
      const filled = Math.round((done / total) * width);
      stream.write(`\r${label} [${"#".repeat(filled)}${".".repeat(width - filled)}] ${done}/${total}`);
      if (done === total) stream.write("\n");
    } else if (done === total || done - lastLine >= Math.max(1000, Math.floor(total / 10))) {
      lastLine = done;
      stream.write(`${label} ${done}/${total}\n`);
    }
  };
}
