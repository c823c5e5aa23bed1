import { ConfigError } from './platform/config';
import { startKruispunt } from './platform/server';

try {
  const kruispunt = await startKruispunt(process.env);
  process.stdout.write(`Kruispunt is running on ${kruispunt.url} (database: ${kruispunt.db.kind})\n`);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: stopping Kruispunt…\n`);
    await kruispunt.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
