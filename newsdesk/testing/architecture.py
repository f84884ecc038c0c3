"""The house rules of the import graph, checked from the source with `ast` (nothing is imported).

Hand-written because the rules are Newsdesk's own: apps sit on floors (LAYERS) and a module may
import its own app and the floors below, never a peer or an upper floor; no two modules import
each other, directly or round a longer circle (imports inside functions count: they hide a cycle,
they do not remove it); and no app looks another app's model up by name, neither with
`apps.get_model("other", ...)` nor with a string naming an upper or peer app's model in a
relation field. Upper apps register with lower ones instead.

Tests and migrations are checked like the rest, with two allowances, because of what they are:
- a test module may import any app: tests of a lower app drive the site the upper apps build
  (an article page with its narration player), and nothing imports a test;
- a migration may look up by name the models of its own app and of the floors below: historical
  models are only reachable so. Migration `dependencies` are history, not imports: not checked.
Modules outside the apps (settings, urls, conftest, `newsdesk.testing`) sit above everything and
are checked for cycles only.
"""

import ast
from dataclasses import dataclass
from pathlib import Path

# Imports flow downwards: a module may import its own app and apps on lower floors.
LAYERS = {
    "core": 0,
    "serving": 1,
    "accounts": 1,
    "people": 2,
    "articles": 3,
    "frontpage": 4,
    "livefeed": 4,
    "newsletters": 4,
    "narration": 4,
    "discovery": 4,
    "members": 4,
    "imports": 4,
    "demo": 5,
}
RELATION_FIELDS = {
    "ForeignKey",
    "OneToOneField",
    "ManyToManyField",
    "ParentalKey",
    "ParentalManyToManyField",
}


@dataclass(frozen=True)
class Module:
    name: str
    path: Path

    @property
    def parts(self):
        return self.name.split(".")

    @property
    def is_test(self):
        parts = self.parts
        return "tests" in parts or parts[-1].startswith("test_") or parts[-1] == "conftest"

    @property
    def is_migration(self):
        return "migrations" in self.parts


def find_modules(root):
    """Every module of the package at `root`, by dotted name."""
    root = Path(root)
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root.parent).with_suffix("").parts
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join(parts)] = Module(".".join(parts), path)
    return modules


def imported_names(module, tree):
    """Dotted names a module imports, anywhere in it; `from x import y` yields x and x.y."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = module.parts if module.path.name == "__init__.py" else module.parts[:-1]
                base = base[: len(base) - (node.level - 1)]
                target = ".".join([*base, *([node.module] if node.module else [])])
            else:
                target = node.module or ""
            names.add(target)
            names.update(f"{target}.{alias.name}" for alias in node.names)
    return names


PAGE_TYPE_LISTS = {"parent_page_types", "subpage_types"}


def model_labels(node):
    """App labels of the "app.Model" strings in `node` (a string, or a list or tuple of them)."""
    values = node.elts if isinstance(node, ast.List | ast.Tuple) else [node]
    return [
        value.value.split(".")[0]
        for value in values
        if isinstance(value, ast.Constant) and isinstance(value.value, str) and "." in value.value
    ]


def models_named(tree):
    """(how, app label) for each model the module names: get_model() calls, string targets of
    relation fields and chooser blocks, and Wagtail's page type lists."""
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign):
            names = {target.id for target in node.targets if isinstance(target, ast.Name)}
            for how in names & PAGE_TYPE_LISTS:
                found += [(how, label) for label in model_labels(node.value)]
            continue
        if not isinstance(node, ast.Call):
            continue
        func = (
            node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        )
        for keyword in node.keywords:
            if keyword.arg in ("page_type", "target_model"):
                found += [(func, label) for label in model_labels(keyword.value)]
        if not node.args:
            continue
        first = node.args[0]
        if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
            continue
        if func == "get_model":
            found.append(("get_model", first.value.split(".")[0]))
        elif (func in RELATION_FIELDS or func.endswith("ChooserBlock")) and "." in first.value:
            found.append((func, first.value.split(".")[0]))
    return found


class Checker:
    def __init__(self, root, layers=None):
        self.layers = LAYERS if layers is None else layers
        self.package = Path(root).name
        self.modules = find_modules(root)
        self.trees = {
            name: ast.parse(module.path.read_text(encoding="utf-8"), str(module.path))
            for name, module in self.modules.items()
        }
        self.edges = {
            name: {
                target
                for target in imported_names(self.modules[name], tree)
                if target in self.modules and target != name
            }
            for name, tree in self.trees.items()
        }

    def app_of(self, name):
        parts = name.split(".")
        if len(parts) > 1 and parts[0] == self.package and parts[1] in self.layers:
            return parts[1]
        return None

    def direction_findings(self):
        findings = []
        for name, targets in sorted(self.edges.items()):
            app = self.app_of(name)
            if app is None or self.modules[name].is_test:
                continue
            for target in sorted(targets):
                other = self.app_of(target)
                if other is None or other == app:
                    continue
                if self.layers[other] > self.layers[app]:
                    findings.append(f"upward import: {name} -> {target}")
                elif self.layers[other] == self.layers[app]:
                    findings.append(f"side import between peers: {name} -> {target}")
        return findings

    def lookup_findings(self):
        findings = []
        for name, tree in sorted(self.trees.items()):
            app = self.app_of(name)
            if app is None:
                continue
            migration = self.modules[name].is_migration
            for how, label in models_named(tree):
                if label == app or label not in self.layers:
                    continue
                lower = self.layers[label] < self.layers[app]
                if how == "get_model" and not (migration and lower):
                    findings.append(f"model looked up by name across apps: {name} -> {label}")
                elif how != "get_model" and not lower:
                    findings.append(f"{how} to an upper or peer app by name: {name} -> {label}")
        return findings

    def cycles(self):
        """Groups of modules that import each other (strongly connected components)."""
        index, low, stack, on_stack, groups = {}, {}, [], set(), []
        for start in sorted(self.edges):
            if start in index:
                continue
            # Iterative Tarjan: deep import chains must not hit the recursion limit.
            work = [(start, iter(sorted(self.edges[start])))]
            index[start] = low[start] = len(index)
            stack.append(start)
            on_stack.add(start)
            while work:
                node, children = work[-1]
                child = next(children, None)
                if child is not None:
                    if child not in index:
                        index[child] = low[child] = len(index)
                        stack.append(child)
                        on_stack.add(child)
                        work.append((child, iter(sorted(self.edges[child]))))
                    elif child in on_stack:
                        low[node] = min(low[node], index[child])
                    continue
                work.pop()
                if work:
                    low[work[-1][0]] = min(low[work[-1][0]], low[node])
                if low[node] == index[node]:
                    group = []
                    while True:
                        member = stack.pop()
                        on_stack.discard(member)
                        group.append(member)
                        if member == node:
                            break
                    if len(group) > 1:
                        groups.append(sorted(group))
        return sorted(groups)

    def findings(self):
        cycles = [f"import cycle: {' <-> '.join(group)}" for group in self.cycles()]
        return self.direction_findings() + self.lookup_findings() + cycles


def check(root, layers=None):
    """Every breach of the rules in the package at `root`, as readable lines."""
    return Checker(root, layers).findings()
