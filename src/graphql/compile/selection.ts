// What a GraphQL selection asks of one concrete type: its fields by response key, with fragments
// spread and @skip/@include applied, as graphql-js's executor collects them. The compiler reads the
// operation through this and nothing else.
import {
  FieldNode,
  FragmentDefinitionNode,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLSkipDirective,
  isAbstractType,
  Kind,
  SelectionSetNode,
  typeFromAST,
  type GraphQLNamedType,
} from 'graphql';

/** Why a field cannot be compiled: it is resolved the usual way, through the loaders. */
export class NotCompilable extends Error {
  constructor(readonly where: string) {
    super(`not compiled: ${where}`);
    this.name = 'NotCompilable';
  }
}

export interface Operation {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
  /** Set when a @skip/@include depends on a variable: the translation then depends on the variables' values too. */
  conditional: boolean;
}

function included(op: Operation, node: FieldNode | FragmentDefinitionNode | { directives?: FieldNode['directives'] }): boolean {
  if (!node.directives?.length) return true;
  if (node.directives.some((d) => (d.name.value === 'skip' || d.name.value === 'include') && d.arguments?.some((a) => a.value.kind === Kind.VARIABLE))) {
    op.conditional = true;
  }
  const skip = getDirectiveValues(GraphQLSkipDirective, node as FieldNode, op.variables);
  if (skip?.if === true) return false;
  const include = getDirectiveValues(GraphQLIncludeDirective, node as FieldNode, op.variables);
  return include?.if !== false;
}

function applies(op: Operation, condition: GraphQLNamedType | undefined, type: GraphQLObjectType): boolean {
  if (!condition || condition === type) return true;
  return isAbstractType(condition) && op.schema.isSubType(condition, type);
}

/** The fields `fieldNodes`' selections ask of `type`, by response key (alias or name), in order. */
export function collectFields(op: Operation, type: GraphQLObjectType, fieldNodes: readonly FieldNode[]): Map<string, FieldNode[]> {
  const out = new Map<string, FieldNode[]>();
  const visited = new Set<string>();
  const walk = (set: SelectionSetNode | undefined) => {
    for (const sel of set?.selections ?? []) {
      if (!included(op, sel)) continue;
      if (sel.kind === Kind.FIELD) {
        const key = sel.alias?.value ?? sel.name.value;
        out.set(key, [...(out.get(key) ?? []), sel]);
      } else if (sel.kind === Kind.INLINE_FRAGMENT) {
        const cond = sel.typeCondition ? typeFromAST(op.schema, sel.typeCondition) : undefined;
        if (applies(op, cond as GraphQLNamedType | undefined, type)) walk(sel.selectionSet);
      } else {
        const name = sel.name.value;
        const frag = op.fragments[name];
        if (!frag || visited.has(name)) continue;
        visited.add(name);
        if (applies(op, typeFromAST(op.schema, frag.typeCondition), type)) walk(frag.selectionSet);
      }
    }
  };
  for (const node of fieldNodes) walk(node.selectionSet);
  return out;
}
