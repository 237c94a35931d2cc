/** "1 file" or "3 files": the English plural shared by the queue's summary and the announcements. */
export const englishFileCount = (count: number) => (count === 1 ? "1 file" : `${count} files`);
