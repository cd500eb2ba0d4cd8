// Evaluates IAM requests against identity policies with @cloud-copilot/iam-simulate, for
// LeastPrivilegeIT (local-cloud). Reads {"account": "...", "requests": [{"id", "policies": [doc...],
// "action", "resource", "context": {key: value or [values]}}]} on stdin and writes
// {"<id>": {"result": "Allowed" | "ImplicitlyDenied" | "ExplicitlyDenied" | "Error", "detail": ...}}
// on stdout. The simulator checks the action exists, that the resource ARN is of a type the action
// takes and that each context key is one the action knows, so a typo is an error, not a denial.
import { runSimulation } from '@cloud-copilot/iam-simulate'

const chunks = []
for await (const chunk of process.stdin) chunks.push(chunk)
const input = JSON.parse(Buffer.concat(chunks).toString('utf8'))

const results = {}
for (const request of input.requests) {
  const simulation = {
    identityPolicies: request.policies.map((policy, i) => ({ name: `${request.role}-${i}`, policy })),
    serviceControlPolicies: [],
    resourceControlPolicies: [],
    request: {
      principal: `arn:aws:sts::${input.account}:assumed-role/${request.role}Role/${request.role}`,
      action: request.action,
      resource: { resource: request.resource, accountId: input.account },
      contextVariables: request.context ?? {}
    }
  }
  const outcome = await runSimulation(simulation, {})
  if (outcome.resultType === 'error') {
    results[request.id] = { result: 'Error', detail: JSON.stringify(outcome.errors) }
  } else {
    results[request.id] = { result: outcome.overallResult }
  }
}
process.stdout.write(JSON.stringify(results))
