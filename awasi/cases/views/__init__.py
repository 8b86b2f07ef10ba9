"""Views of the cases app: public pages, officers' pages and case actions."""
