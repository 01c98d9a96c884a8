"""The reference scorer ../shared/tools/deid-score as a module (it is a script without a .py name),
so that the development-loop scripts score with its metric line for line. `DEID_SCORE` overrides
its path."""
import importlib.machinery, importlib.util, os

_here = os.path.dirname(os.path.abspath(__file__))


def load():
    tool = os.environ.get("DEID_SCORE", os.path.join(_here, "..", "..", "..", "shared", "tools", "deid-score"))
    loader = importlib.machinery.SourceFileLoader("deid_score", tool)
    module = importlib.util.module_from_spec(importlib.util.spec_from_loader("deid_score", loader))
    loader.exec_module(module)
    return module
