import path from 'node:path';
import { CreateBucketCommand, S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';

/** A real S3-compatible server (s3rver) on the loopback address, and a client to check the bucket with. */
export interface S3rverFixture {
  endpoint: string;
  client: S3Client;
  close(): Promise<void>;
}

/**
 * Starts s3rver with its objects under `work`, creates `buckets`, and sets the AWS
 * environment the CLI reads to s3rver's own key pair: no profile file, and no
 * instance-metadata request off this machine. `close` puts the machine's AWS settings back.
 */
export async function startS3rver(work: string, buckets: readonly string[]): Promise<S3rverFixture> {
  const saved = Object.fromEntries(Object.entries(process.env).filter(([name]) => name.startsWith('AWS_')));
  const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: path.join(work, 'store') });
  const { port } = await server.run();
  const endpoint = `http://127.0.0.1:${port}`;

  for (const name of Object.keys(saved)) delete process.env[name];
  Object.assign(process.env, {
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    AWS_REGION: 'us-east-1',
    AWS_SHARED_CREDENTIALS_FILE: path.join(work, 'no-credentials'),
    AWS_CONFIG_FILE: path.join(work, 'no-config'),
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  });
  const client = new S3Client({
    region: 'us-east-1',
    endpoint,
    forcePathStyle: true,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
  for (const bucket of buckets) await client.send(new CreateBucketCommand({ Bucket: bucket }));
  return {
    endpoint,
    client,
    close: async () => {
      client.destroy();
      await server.close();
      for (const name of Object.keys(process.env)) if (name.startsWith('AWS_')) delete process.env[name];
      Object.assign(process.env, saved);
    },
  };
}
