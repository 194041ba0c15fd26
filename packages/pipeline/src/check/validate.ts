import { validateBytes, type ValidationIssue } from 'gltf-validator';

export interface ValidationSummary {
  errors: ValidationIssue[];
  warnings: number;
}

/**
 * Runs the Khronos glTF validator on a self-contained GLB. We never write a file with
 * validator errors: callers turn a non-empty `errors` into a failure.
 */
export async function validateGlb(bytes: Uint8Array, name: string): Promise<ValidationSummary> {
  const report = await validateBytes(bytes, { uri: name, format: 'glb', maxIssues: 50 });
  const errors = report.issues.messages.filter((issue) => issue.severity === 0);
  return { errors, warnings: report.issues.numWarnings };
}
